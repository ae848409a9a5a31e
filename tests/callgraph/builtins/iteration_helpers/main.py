def first_truthy(values):
    it = iter(filter(None, values))
    return next(it, None)


def backwards(values):
    return list(map(str, reversed(values)))


checks = [first_truthy([0, 2, 3]), backwards([1, 2]), any([0, 1])]
