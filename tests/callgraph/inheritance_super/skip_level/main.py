class Shape:
    def describe(self):
        return "shape"


class Polygon(Shape):
    def corners(self):
        return 0


class Square(Polygon):
    def describe(self):
        return "square, a " + super().describe()


text = Square().describe()
