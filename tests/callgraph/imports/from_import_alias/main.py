from textutils import slugify as slug
from textutils import words as split_words


def words(text):
    return split_words(text.lower())


tokens = words("Call Graph")
anchor = slug("Call Graph")
