from dataclasses import dataclass, field


@dataclass
class Cart:
    owner: str
    items: list = field(default_factory=list)

    def add(self, item):
        self.items.append(item)
        return self

    def count(self):
        return len(self.items)


cart = Cart("ada").add("pen").add("ink")
total = cart.count()
