"""A property made by a call, ``text = property(_get_text, _set_text)`` (or ``fset=``):
assigning ``obj.text = v`` runs the setter, a call ``_set_text(obj, v)``; reading ``obj.text``
runs the getter only, and assigning runs no getter (dominate 2.9.1's ``title.text``, which
``document.set_title`` assigns; before, the call's value was its getter alone and an
assignment linked nothing)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

CODE = {
    "a.py": """
class Title:
    def _get_text(self):
        return ""

    def _set_text(self, text):
        pass

    text = property(_get_text, _set_text)


class Label:
    def _get(self):
        return ""

    def _set(self, value):
        pass

    caption = property(fget=_get, fset=_set)


class ReadOnly:
    def _get(self):
        return ""

    value = property(_get)


def assign(t: Title):
    t.text = "x"


def read(t: Title):
    return t.text


def label(lab: Label):
    lab.caption = "x"


def read_only(r: ReadOnly):
    r.value = "x"


def other(t: Title):
    t.label = "x"
""",
}


def test_an_assignment_runs_the_setter_only() -> None:
    pycg = to_pycg(graph_of(CODE))
    assert pycg["a.assign"] == ["a.Title._set_text"]
    assert pycg["a.read"] == ["a.Title._get_text"]
    assert pycg["a.label"] == ["a.Label._set"]


def test_no_setter_and_another_attribute_run_nothing() -> None:
    pycg = to_pycg(graph_of(CODE))
    assert pycg["a.read_only"] == []
    assert pycg["a.other"] == []
