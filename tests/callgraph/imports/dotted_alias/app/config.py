def defaults():
    return {"level": 1}


def load():
    merged = dict(DEFAULTS)
    merged["loaded"] = True
    return merged


DEFAULTS = defaults()
