def parse(text):
    return text.split(",")


def clean(items):
    return [item.strip() for item in items]


def load(text):
    return clean(parse(text))


result = load("a, b ,c")
