def read_file(path):
    return "content of " + path


def write_file(path, data):
    return len(data)


def make_io():
    return read_file, write_file


load, store = make_io()
size = store("out.txt", load("in.txt"))
