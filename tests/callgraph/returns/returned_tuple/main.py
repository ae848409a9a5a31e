class Reader:
    def read(self):
        return "data"


class Writer:
    def write(self, data):
        return len(data)


def open_pair():
    return Reader(), Writer()


reader, writer = open_pair()
written = writer.write(reader.read())
