def default_handler():
    return "default"


def custom():
    return "custom"


def wrapped():
    return "wrapped"


def dispatch(handler=None):
    if handler is None:
        handler = default_handler
    return handler()


def replace(callback):
    callback()
    callback = wrapped
    callback()


dispatch()
dispatch(custom)
replace(custom)
