def identity(value):
    return value


def pick(first, second=None):
    if second is not None:
        return second
    return first


def attribute_of(obj):
    return obj.handle


class Handler:
    def handle(self):
        return "handled"


class Other:
    def handle(self):
        return "other"


def foo():
    return "foo"


def bar():
    return "bar"


def baz():
    return "baz"


a = identity(foo)
b = identity(value=bar)
a()
c = pick(baz)
c()
attribute_of(Handler())()
keep = attribute_of(Other())
