def compute(values):
    return sum(values) / len(values)
