def connect(host, port=5432, timeout=1.0):
    return "%s:%d/%s" % (host, port, timeout)


def call_with(func, **kwargs):
    return func(**kwargs)


url = call_with(connect, host="db", port=6543)
