LOG = []


def record(name):
    LOG.append(name)


def logged(func):
    def wrapper(*args, **kwargs):
        record(func.__name__)
        return func(*args, **kwargs)

    return wrapper


@logged
def add(a, b):
    return a + b


total = add(1, 2)
