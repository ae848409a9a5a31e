class CsvReader:
    def __init__(self, path):
        self.path = path

    def read(self):
        return self.path.split(",")


class JsonReader:
    def __init__(self, path):
        self.path = path

    def read(self):
        return [self.path]


def make_registry():
    return {"csv": CsvReader, "json": JsonReader}


registry = make_registry()
rows = []
for key in ("csv", "json"):
    reader = registry[key]("a,b")
    rows.extend(reader.read())
