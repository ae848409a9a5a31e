def first(x):
    return x + 1


def second(x):
    return x * 2


step = first
a = step(1)
step = second
b = step(a)
