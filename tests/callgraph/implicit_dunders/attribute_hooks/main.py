class Lazy:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, kind=None):
        return 42

    def __set__(self, obj, value):
        obj.__dict__["_value"] = value


class Model:
    answer = Lazy()


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        return getattr(self._target, name)


class Target:
    def ping(self):
        return "pong"


class Plugin:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry.append(cls)


class CsvPlugin(Plugin):
    pass


class Singleton(type):
    def __call__(cls, *args, **kwargs):
        return super().__call__(*args, **kwargs)


class Config(metaclass=Singleton):
    def __init__(self):
        self.debug = False


def main():
    model = Model()
    value = model.answer
    model.answer = 7
    proxy = Proxy(Target())
    upper = proxy.ping()
    config = Config()
    return value, upper, config


main()
