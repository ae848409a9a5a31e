from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def name(self):
        return type(self).__name__.lower()


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


def describe(shape: Shape) -> str:
    return shape.name() + "=" + str(shape.area())


texts = [describe(Circle(1)), describe(Square(2))]
