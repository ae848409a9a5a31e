def counted(func):
    def wrapper(self, *args):
        self.calls += 1
        return func(self, *args)

    return wrapper


class Service:
    def __init__(self):
        self.calls = 0

    @counted
    def fetch(self, key):
        return self.lookup(key)

    def lookup(self, key):
        return key * 2


service = Service()
value = service.fetch(21)
