def square(x):
    return x * x


def is_small(x):
    return x < 10


def pairs(n):
    return {k: square(k) for k in range(n) if is_small(k)}


squares = [square(i) for i in range(4)]
table = pairs(5)
total = sum(square(v) for v in squares)
