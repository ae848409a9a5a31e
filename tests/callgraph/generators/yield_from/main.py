def evens(n):
    yield from range(0, n, 2)


def odds(n):
    for i in range(1, n, 2):
        yield i


def both(n):
    yield from evens(n)
    yield from odds(n)


numbers = list(both(6))
