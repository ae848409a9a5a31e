def bold(func):
    def wrap_bold():
        return "<b>" + func() + "</b>"

    return wrap_bold


def italic(func):
    def wrap_italic():
        return "<i>" + func() + "</i>"

    return wrap_italic


@bold
@italic
def hello():
    return "hello"


html = hello()
