class GrandParent:
    def greet(self):
        return "grandparent"


class Parent(GrandParent):
    pass


class Mixin:
    def greet(self):
        return "mixin"

    def extra(self):
        return "extra"


class Child(Parent, Mixin):
    pass


child = Child()
both = (child.greet(), child.extra())
