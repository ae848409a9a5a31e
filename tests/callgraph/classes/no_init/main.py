class Registry:
    items = []

    def register(self, item):
        self.items.append(item)
        return len(self.items)


def build():
    registry = Registry()
    registry.register("a")
    return registry


reg = build()
