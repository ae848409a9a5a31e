def write_csv(rows):
    return ",".join(rows)


def write_json(rows):
    return "[" + ",".join(rows) + "]"


def pick_writer(fmt):
    if fmt == "csv":
        return write_csv
    return write_json


outputs = [pick_writer("csv")(["a"]), pick_writer("json")(["b"])]
