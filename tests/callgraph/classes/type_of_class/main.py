class Meta(type):
    def __call__(cls, *a):
        return super().__call__(*a)

    def describe(cls):
        return cls.__name__


class A(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v


class Plain:
    pass


def make(form):
    return type(form)("X", (form,), {})


def desc(klass):
    return type(klass).describe(klass)


make(Plain)
desc(A)
type(A).describe(A)
type(Plain).mro(Plain)
