def validate(x):
    return x > 0


def process(x):
    def validate(y):
        return y < 100

    return validate(x)


inside = process(5)
outside = validate(5)
