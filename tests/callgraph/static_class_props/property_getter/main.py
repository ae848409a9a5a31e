class Rect:
    def __init__(self, width, height):
        self._width = width
        self.height = height

    @property
    def width(self):
        return self._width

    @property
    def area(self):
        return self.width * self.height


r = Rect(2, 3)
size = r.area
