from .util import normalize


def process(text):
    return normalize(text) + "!"
