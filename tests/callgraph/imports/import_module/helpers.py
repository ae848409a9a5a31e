def fmt(name):
    return name.title()


def greet(name):
    return "Hello, " + fmt(name)
