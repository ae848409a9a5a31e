class LoggingMixin:
    def log(self, message):
        return "[%s] %s" % (type(self).__name__, message)


class Base:
    def run(self):
        return self.log("running")


class Service(LoggingMixin, Base):
    pass


line = Service().run()
