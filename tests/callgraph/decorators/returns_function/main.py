HANDLERS = {}


def register(func):
    HANDLERS[func.__name__] = func
    return func


def cleanup():
    return "clean"


@register
def on_start():
    return "started"


@register
def on_stop():
    return cleanup()


results = [on_start(), on_stop()]
