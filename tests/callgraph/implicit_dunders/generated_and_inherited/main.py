from dataclasses import dataclass, field


def default_tags():
    return ["new"]


@dataclass
class Item:
    name: str
    tags: list = field(default_factory=default_tags)

    def __post_init__(self):
        self.name = self.name.strip()


class Shape:
    def __repr__(self):
        return "Shape()"

    def __len__(self):
        return 0


class Square(Shape):
    def __str__(self):
        return "square"


class Circle(Shape):
    pass


def describe(shape: Shape):
    return str(shape)


def main():
    item = Item(" a ")
    same = item == Item("a")
    text = str(item)
    square = Square()
    circle = Circle()
    shown = str(circle) + str(square)
    if not circle:
        shown = describe(circle)
    return same, text, shown


main()
