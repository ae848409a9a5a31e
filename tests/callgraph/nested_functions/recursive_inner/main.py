def count_leaves(tree):
    def walk(node):
        if not isinstance(node, list):
            return 1
        return sum(walk(child) for child in node)

    return walk(tree)


n = count_leaves([1, [2, 3], [[4]]])
