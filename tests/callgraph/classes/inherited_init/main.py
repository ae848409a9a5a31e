class Animal:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return self.name


class Dog(Animal):
    def bark(self):
        return self.describe() + " barks"


rex = Dog("rex")
sound = rex.bark()
