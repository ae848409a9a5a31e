class Reader:
    def open(self):
        return "reader"


class Writer:
    def open(self):
        return "writer"

    def flush(self):
        return "flushed"


class ReadWriter(Reader, Writer):
    pass


rw = ReadWriter()
state = (rw.open(), rw.flush())
