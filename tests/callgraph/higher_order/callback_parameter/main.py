def apply(func, value):
    return func(value)


def double(x):
    return x * 2


def negate(x):
    return -x


results = [apply(double, 2), apply(negate, 3)]
