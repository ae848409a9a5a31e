def register(func):
    return func


@register
def start():
    return "started"


@register
def stop():
    return "stopped"


@register
def never_called():
    return "unused"


state = start()
