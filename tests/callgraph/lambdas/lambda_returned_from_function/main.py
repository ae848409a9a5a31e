def clamp(value, low, high):
    return max(low, min(value, high))


def make_limiter(low, high):
    return lambda v: clamp(v, low, high)


def transform(value, fn=lambda v: v):
    return fn(value)


limit = make_limiter(0, 10)
values = [limit(15), transform(3), transform(20, limit)]
