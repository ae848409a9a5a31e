from models import User


def make_user(name):
    return User(name)
