def fmt(value):
    return "<%s>" % value
