class NotFound(LookupError):
    pass


def find(table, key):
    if key not in table:
        raise NotFound(key)
    return table[key]


def parse_port(text):
    if not text.isdigit():
        raise ValueError("not a port: " + text)
    return int(text)


def fallback():
    return 80


default_port = parse_port("8080")
try:
    port = parse_port("http")
except ValueError:
    port = fallback()

try:
    find({}, "x")
except NotFound:
    port = 0
