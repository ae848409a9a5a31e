class Tree:
    class Node:
        def __init__(self, value):
            self.value = value
            self.children = []

        def add(self, value):
            child = Tree.Node(value)
            self.children.append(child)
            return child

    def __init__(self):
        self.root = self.Node(0)


tree = Tree()
tree.root.add(1)
