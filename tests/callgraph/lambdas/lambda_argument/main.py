def apply_twice(func, value):
    return func(func(value))


def increment(n):
    return n + 1


result = apply_twice(lambda v: increment(v) * 2, 1)
