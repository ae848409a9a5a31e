class Name:
    pass


class Call:
    pass


class Visitor:
    def visit(self, node):
        method = getattr(self, "visit_" + type(node).__name__)
        return method(node)

    def visit_Name(self, node):
        return "name"


class Printer(Visitor):
    def visit_Call(self, node):
        return "call " + self.visit(Name())


printer = Printer()
printer.visit(Call())
