def prepare():
    return []


def run():
    return prepare()
