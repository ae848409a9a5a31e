def default_limit():
    return 10


def fetch(limit=default_limit()):
    return list(range(limit))


def total(values):
    return sum(values)


count = 0
for chunk in (fetch(), fetch(3)):
    count += total(chunk)
