class Parser:
    def tokenize(self, text):
        return text.split()

    def classify(self, token):
        return "num" if token.isdigit() else "word"

    def parse(self, text):
        return [self.classify(t) for t in self.tokenize(text)]


kinds = Parser().parse("a 1 b")
