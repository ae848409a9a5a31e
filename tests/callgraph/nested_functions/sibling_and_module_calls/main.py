def top_level(x):
    return x + 100


def outer(x):
    def helper(y):
        return y * 2

    def work(y):
        return helper(y) + top_level(y)

    return work(x)


value = outer(1)
