def process(item):
    return item * 2


def run(process, value):
    return process(value)


def triple(x):
    return x * 3


a = run(triple, 2)
b = process(4)
