def parse(data):
    return data.split()


def dedupe(items):
    return list(dict.fromkeys(items))


def emit(items):
    return " ".join(items)


PIPELINE = (("parse", parse), ("dedupe", dedupe), ("emit", emit))


def run(data):
    for _name, step in PIPELINE:
        data = step(data)
    return data


text = run("a b a")
