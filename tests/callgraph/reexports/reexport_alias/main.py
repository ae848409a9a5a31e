from calc import calculate

value = calculate([1, 2, 3])
