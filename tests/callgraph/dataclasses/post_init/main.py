from dataclasses import dataclass


def check_positive(value):
    if value < 0:
        raise ValueError("negative")
    return value


@dataclass
class Item:
    name: str
    price: float

    def __post_init__(self):
        check_positive(self.price)


def make_items():
    items = [Item("pen", 1.5), Item("ink", 3.0)]
    try:
        items.append(Item("broken", -1.0))
    except ValueError:
        pass
    return items


items = make_items()
