def compose(f, g):
    def composed(x):
        return f(g(x))

    return composed


def strip(text):
    return text.strip()


def shout(text):
    return text.upper() + "!"


loud = compose(shout, strip)
message = loud("  hi ")
