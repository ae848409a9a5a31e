class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def get_fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    fahrenheit = property(get_fahrenheit)


def report(t: Temperature):
    return t.fahrenheit


value = report(Temperature(100))
