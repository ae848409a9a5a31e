class Logger:
    def __init__(self, name):
        self.name = name
        self.lines = []

    def info(self, message):
        self.lines.append(self.name + ": " + message)


def make_logger(name):
    return Logger(name)


class Worker:
    log: Logger

    def __init__(self):
        self.log = make_logger("worker")

    def work(self):
        self.log.info("start")
        return True


Worker().work()
