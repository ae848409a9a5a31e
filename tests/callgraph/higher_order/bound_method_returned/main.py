class Printer:
    def __init__(self, prefix):
        self.prefix = prefix

    def emit(self, text):
        return self.prefix + text


def pick_output(printer):
    return printer.emit


emit = pick_output(Printer("> "))
line = emit("hello")
