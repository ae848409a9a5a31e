class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
        return self.scale(value)

    def scale(self, value):
        return value * self.factor


double = Multiplier(2)
results = [double(1), double(2)]
