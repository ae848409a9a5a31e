def normalize(text):
    return " ".join(text.split())


def slugify(text):
    return text.lower().replace(" ", "-")
