from lifecycle import farewell, greet


def session(user):
    return [greet(user), farewell(user)]


log = session("bob")
