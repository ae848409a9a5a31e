def render(name):
    return "<h1>" + name + "</h1>"


def escape(name):
    return name.replace("<", "&lt;")
