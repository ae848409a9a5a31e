from . import helpers


def render(values):
    return "".join(helpers.fmt(v) for v in values)
