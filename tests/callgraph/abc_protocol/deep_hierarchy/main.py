from abc import ABC, abstractmethod


class Handler(ABC):
    @abstractmethod
    def handle(self, event):
        ...


class FileHandler(Handler, ABC):
    def opened(self):
        return True


class CsvHandler(FileHandler):
    def handle(self, event):
        return "csv:" + event


class GzipCsvHandler(CsvHandler):
    def handle(self, event):
        return "gz:" + super().handle(event)


class NullHandler(Handler):
    def handle(self, event):
        return None


def dispatch(handler: Handler, event):
    return handler.handle(event)


results = [dispatch(h, "e") for h in (CsvHandler(), GzipCsvHandler(), NullHandler())]
