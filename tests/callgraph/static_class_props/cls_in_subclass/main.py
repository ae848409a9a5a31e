class Shape:
    def __init__(self):
        self.kind = "shape"

    @classmethod
    def create(cls):
        return cls()


class Circle(Shape):
    def __init__(self):
        super().__init__()
        self.kind = "circle"


shapes = [Shape.create(), Circle.create()]
