def normalize(text):
    return text.lower()


to_upper = lambda s: s.upper()  # noqa: E731


def build():
    strip = lambda s: s.strip()  # noqa: E731
    clean = lambda s: normalize(strip(s))  # noqa: E731
    return clean


cleaner = build()
result = (cleaner("  AbC "), to_upper("x"))
