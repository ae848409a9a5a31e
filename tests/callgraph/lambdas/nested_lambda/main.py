def scale(x, n):
    return x * n


make_scaler = lambda n: (lambda x: scale(x, n))  # noqa: E731

times3 = make_scaler(3)
twelve = times3(4)
