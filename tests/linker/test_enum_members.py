"""A member of an ``enum`` class is an instance of the class, not the value its body assigns:
``TextStyle.RESET + "x"`` runs the class's ``__add__`` (and what that calls, ``str(self)``:
its ``__str__``), ``TextStyle.RESET.describe()`` its method. (cmd2 2.4.3: ``TextStyle.__str__``
made to return something else failed tests/test_table_creator.py, which builds expected
strings as ``TextStyle.RESET_ALL + Fg.GREEN + "..."``; the member was read as ``enum.Enum``'s
unknown attribute, and nothing was called.) The same names on a class that is no enum are
the values assigned: ``Plain.RESET + "x"`` adds an ``int``."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.model import EdgeKind

CODE = {
    "app.py": """
from enum import Enum


class Sequence:
    def __add__(self, other):
        return str(self) + str(other)

    def __radd__(self, other):
        return str(other) + str(self)


class TextStyle(Sequence, Enum):
    RESET = 0
    BOLD = 1

    def __str__(self):
        return f"<{self.value}>"

    def describe(self):
        return self.name


class Plain(Sequence):
    RESET = 0

    def __str__(self):
        return "plain"


def added():
    return TextStyle.RESET + "x"


def added_right():
    return "x" + TextStyle.BOLD


def described():
    return TextStyle.BOLD.describe()


def plain():
    return Plain.RESET + 1
""",
}


def calls(graph, source: str) -> set[str]:
    return {t for t, kind in graph.successors(source) if kind == EdgeKind.CALLS}


def test_an_enum_member_is_an_instance_of_its_class() -> None:
    graph = graph_of(CODE)
    assert calls(graph, "app:added") == {"app:Sequence.__add__"}
    assert calls(graph, "app:added_right") == {"app:Sequence.__radd__"}
    assert "app:TextStyle.__str__" in calls(graph, "app:Sequence.__add__")
    assert calls(graph, "app:described") == {"app:TextStyle.describe"}


def test_a_class_attribute_of_a_plain_class_is_the_value_assigned() -> None:
    assert calls(graph_of(CODE), "app:plain") == set()
