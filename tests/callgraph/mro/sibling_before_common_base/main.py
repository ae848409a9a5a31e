class Base:
    def render(self):
        return "base"


class A(Base):
    pass


class B(Base):
    def render(self):
        return "b"


class C(A, B):
    pass


html = C().render()
