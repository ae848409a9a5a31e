from geometry import area, perimeter

size = area(2, 3) + perimeter(2, 3)
