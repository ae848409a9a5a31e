def split_pair(item):
    return item.split("=")


def parse(text):
    return dict(split_pair(item) for item in text.split(","))
