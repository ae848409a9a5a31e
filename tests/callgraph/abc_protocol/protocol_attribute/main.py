from typing import Protocol


class Cache(Protocol):
    def get(self, key: str) -> str | None:
        ...

    def put(self, key: str, value: str) -> None:
        ...


class DictCache(Cache):
    def __init__(self):
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def put(self, key, value):
        self.data[key] = value


class NullCache(Cache):
    def get(self, key):
        return None

    def put(self, key, value):
        return None


class Service:
    def __init__(self, cache: Cache):
        self.cache = cache

    def lookup(self, key):
        value = self.cache.get(key)
        if value is None:
            value = key.upper()
            self.cache.put(key, value)
        return value


results = [Service(DictCache()).lookup("a"), Service(NullCache()).lookup("b")]
