class Base:
    def helper(self, value):
        return value * 2


class Child(Base):
    def run(self, value):
        return self.helper(value) + 1


out = Child().run(3)
