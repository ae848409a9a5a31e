square = lambda x: x * x  # noqa: E731

area = square(4)
