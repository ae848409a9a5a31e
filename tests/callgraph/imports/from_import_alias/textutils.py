def words(text):
    return text.split()


def slugify(text):
    return "-".join(words(text.lower()))
