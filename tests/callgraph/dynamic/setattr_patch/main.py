class Service:
    def run(self):
        return "original"


def patched_run(self):
    return "patched"


def install(cls, name, func):
    setattr(cls, name, func)


install(Service, "run", patched_run)
result = Service().run()
