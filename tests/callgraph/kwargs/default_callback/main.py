def default_parser(text):
    return text.split()


def csv_parser(text):
    return text.split(",")


def fetch(text, parser=default_parser):
    return parser(text)


a = fetch("a b")
b = fetch("a,b", parser=csv_parser)
