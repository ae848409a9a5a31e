def to_json(data):
    return "{" + ",".join(data) + "}"


def to_csv(data):
    return ",".join(data)


def to_xml(data):
    return "<r>" + "".join(data) + "</r>"


FORMATS = {"json": to_json, "csv": to_csv, "xml": to_xml}


def export(data):
    return FORMATS["json"](data)


outputs = [export(["a"]), FORMATS["csv"](["b"])]
