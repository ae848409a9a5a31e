REGISTRY = []


def register_model(cls):
    REGISTRY.append(cls)
    return cls


def add_describe(cls):
    def describe(self):
        return cls.__name__ + str(sorted(vars(self)))

    cls.describe = describe
    return cls


@register_model
@add_describe
class User:
    def __init__(self, name):
        self.name = name


user = User("ada")
text = user.describe()
