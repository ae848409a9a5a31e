def not_empty(value):
    return bool(value)


def is_short(value):
    return len(value) < 10


def is_ascii(value):
    return all(ord(c) < 128 for c in value)


VALIDATORS = [not_empty, is_short, is_ascii]


def validate(value):
    return all([check(value) for check in VALIDATORS])


ok = validate("hello")
