def outer(callback, data):
    return middle(callback, data)


def middle(callback, data):
    return inner(callback, data)


def inner(callback, data):
    return callback(data)


def summarize(data):
    return len(data)


size = outer(summarize, [1, 2, 3])
