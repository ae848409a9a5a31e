def scale(value, factor):
    return value * factor


def make_scaler(factor):
    def scaler(value):
        return scale(value, factor)

    return scaler


triple = make_scaler(3)
nine = triple(3)
