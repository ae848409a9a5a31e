class Cache:
    def __init__(self):
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def put(self, key, value):
        self.data[key] = value


class Loader:
    def __init__(self):
        self.cache = Cache()

    def load(self, key):
        value = self.cache.get(key)
        if value is None:
            value = key.upper()
            self.cache.put(key, value)
        return value


loader = Loader()
loader.load("x")
