def load():
    return "load"


def save():
    return "save"


def close():
    return "close"


def log_only(fn):
    return fn


def first_decorator(fn):
    return fn


def run():
    action = load
    action = save
    action()
    step = load
    step()
    step = close
    return step


apply = log_only
apply = first_decorator


@apply
def decorated():
    return "decorated"


handler = close
handler = load
handler()
run()
decorated()
