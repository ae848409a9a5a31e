def risky(key, table):
    return table[key]


def recover(key):
    return "missing " + key


def commit(value):
    return "committed " + str(value)


def cleanup():
    return "cleaned"


def process(key, table):
    try:
        value = risky(key, table)
    except KeyError:
        return recover(key)
    else:
        return commit(value)
    finally:
        cleanup()


results = [process("a", {"a": 1}), process("b", {})]
