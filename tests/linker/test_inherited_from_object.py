"""A name no class of ours defines and no outside base answers for comes from ``object`` (or
``type``, or a standard-library base such as ``abc.ABC``) when every base along the way is
known: ``super().__init__()`` in a plain class of ours is ``object.__init__``, the builtin's
code, not an unresolved call that may run any ``__init__`` of ours (mako's
``BabelMakoExtractor``, h11's events under ``abc.ABC``, h2's ``OutputLogger``). A metaclass's
``type.__new__(mcs, ...)`` runs type's code (jinja2's ``NodeType``: what it runs of ours is
what the class statement runs), ``super().__new__`` under ``abc.ABCMeta`` is an outside call,
and ``@size.setter`` in a class body is the property's own method (it was an unresolved call
that may run anything, at import time of the module: h2's ``settings``). A class with a base
nothing is known of, and a method that runs the instance's own code (``object.__str__`` runs
``__repr__``), stay unresolved."""

from __future__ import annotations

import pytest
from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

CODE = {
    "a.py": """
from abc import ABC, ABCMeta
import outside

class Plain:
    def __init__(self):
        super().__init__()

class Event(ABC):
    pass

class Request(Event):
    def __init__(self):
        super().__init__()

class Meta(ABCMeta):
    def __new__(mcs, name, bases, d):
        return super().__new__(mcs, name, bases, d)

    def __init__(cls, name, bases, d):
        super().__init__(name, bases, d)

class NodeType(type):
    def __new__(mcs, name, bases, d):
        return type.__new__(mcs, name, bases, d)

class Direct:
    def __init__(self):
        Event.__init__(self)

class Sized:
    @property
    def size(self):
        return 1

    @size.setter
    def size(self, value):
        pass

    @size.deleter
    def size(self):
        pass

class Left:
    def __init__(self):
        super().__init__()

class Right:
    def __init__(self):
        self.right = True

class Both(Left, Right):
    pass

def deprecate(cls):
    class Private(cls):
        def __init__(self):
            super().__init__()
    return Private

class Unknown(outside.Base):
    def __init__(self):
        super().__init__()

class Texty:
    def __str__(self):
        return super().__str__()

    def other(self):
        return super().nothing()
""",
}


@pytest.fixture(scope="module")
def unresolved() -> set[str]:
    return {caller for caller, _ in graph_of(CODE).unresolved_sites}


@pytest.mark.parametrize(
    "function",
    ["a:Plain.__init__", "a:Request.__init__", "a:Meta.__new__", "a:Meta.__init__",
     "a:NodeType.__new__", "a:Direct.__init__", "a"],
)
def test_what_object_type_or_a_standard_base_gives_is_resolved(
    unresolved: set[str], function: str
) -> None:
    assert function not in unresolved


@pytest.mark.parametrize(
    "function", ["a:deprecate.Private.__init__", "a:Texty.__str__", "a:Texty.other"]
)
def test_an_unknown_base_or_the_instances_own_code_stays_unresolved(
    unresolved: set[str], function: str
) -> None:
    assert function in unresolved


def test_a_next_class_of_ours_is_still_found() -> None:
    """``Both(Left, Right)``: ``super()`` in ``Left`` reaches ``Right.__init__``."""
    calls = to_pycg(graph_of(CODE))
    assert "a.Right.__init__" in calls["a.Left.__init__"]
    assert calls["a.Unknown.__init__"] == ["<builtin>.super", "outside.Base.__init__"]


def test_an_abc_metaclass_new_is_an_outside_call() -> None:
    assert "abc.ABCMeta.__new__" in to_pycg(graph_of(CODE))["a.Meta.__new__"]


def test_a_property_setter_still_uses_the_getter() -> None:
    """``@size.setter`` reads ``size``: renaming the getter breaks the class statement (the
    read fails), so the module keeps its reference to it."""
    graph = graph_of(CODE)
    assert "a:Sized.size" in {target for target, _ in graph.successors("a")}
