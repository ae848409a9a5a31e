def greet(user):
    return "hi " + user


def farewell(user):
    return "bye " + user
