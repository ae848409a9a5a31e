from .formatting import escape as _escape
from .formatting import render as _render


def show(name):
    return _render(_escape(name))
