class A:
    def __init__(self, v=0):
        self.v = v

    def copy(self):
        return type(self)(self.v)

    def copy2(self):
        return self.__class__(self.v)

    def hello(self):
        return type(self).name()

    @classmethod
    def name(cls):
        return "a"


class B(A):
    @classmethod
    def name(cls):
        return "b"


b = B()
b.copy()
b.copy2()
b.hello()
t = A()
type(t).name()
t.__class__.name()
