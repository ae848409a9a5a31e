class Store:
    def get(self):
        return "base"


class CachedStore(Store):
    def get(self):
        return "cached"


class Clock:
    def freeze(self):
        return 0


def reset():
    return None
