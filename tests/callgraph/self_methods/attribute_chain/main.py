class Parser:
    def parse(self, text):
        return text.split(";")


class Engine:
    def __init__(self):
        self.parser = Parser()

    def run(self, statements):
        return len(statements)


class App:
    def __init__(self):
        self.engine = Engine()

    def execute(self, script):
        statements = self.engine.parser.parse(script)
        return self.engine.run(statements)


App().execute("a;b")
