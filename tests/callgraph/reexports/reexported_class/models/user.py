from .base import Model


class User(Model):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def display(self):
        return self.name.title()
