class A:
    def hello(self):
        return ["A"]


class B(A):
    def hello(self):
        return ["B", *super().hello()]


class C(A):
    def hello(self):
        return ["C", *super().hello()]


class D(B, C):
    def hello(self):
        return ["D", *super().hello()]


order = D().hello()
