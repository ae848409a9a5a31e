class Pricing:
    def __init__(self, rate):
        self.rate = rate

    def tax(self, amount):
        return amount * self.rate

    def totals(self, amounts):
        gross = lambda a: a + self.tax(a)  # noqa: E731
        rounded = lambda a: round(gross(a), 2)  # noqa: E731
        return [rounded(a) for a in amounts]


out = Pricing(0.2).totals([10, 20])
