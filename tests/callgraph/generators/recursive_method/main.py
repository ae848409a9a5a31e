class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def walk(self):
        yield self.value
        for child in self.children:
            yield from child.walk()


tree = Node(1, [Node(2), Node(3, [Node(4)])])
values = [v for v in tree.walk()]
