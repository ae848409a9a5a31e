def name():
    return "impact"


def version():
    return (1, 2)


def fmt_version(v):
    return ".".join(str(part) for part in v)


def banner():
    return f"{name()} {fmt_version(version())}"


text = banner()
