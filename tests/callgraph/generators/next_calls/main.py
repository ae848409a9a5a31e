def tokens(text):
    for part in text.split():
        yield part.lower()


def head_and_rest(text):
    gen = tokens(text)
    head = next(gen)
    rest = list(gen)
    return head, rest


pair = head_and_rest("The Quick Fox")
