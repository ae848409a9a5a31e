from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def write(self, key, value):
        raise NotImplementedError


class MemoryStorage(Storage):
    def __init__(self):
        self.data = {}

    def write(self, key, value):
        self.data[key] = value


class DiskStorage(Storage):
    def __init__(self, path):
        self.path = path

    def write(self, key, value):
        return open_file(self.path, key, value)


def open_file(path, key, value):
    return (path, key, value)


def save(store: Storage, key, value):
    store.write(key, value)


save(MemoryStorage(), "k", 1)
