"""The constructor of a named tuple class: its fields in order, with their defaults.

Recorded as a dataclass's generated ``__init__`` is (``Definition.synthetic``), from the
class body's annotated names (``class P(NamedTuple)``) or from the literal fields of a base
made by a call (``namedtuple('P', 'x y', defaults=(0,))``, ``NamedTuple('P', [('x', int)])``).
"""

from __future__ import annotations

import textwrap

import pytest

from impactgraph.indexer import summarize
from impactgraph.model import ParamKind

CODE = '''\
import collections
import typing
from typing import NamedTuple

FIELDS = 'a b'


class Point(NamedTuple):
    """Doc."""
    x: int
    y: int = 0

    def norm(self):
        return self.x


class Spelled(typing.NamedTuple):
    x: int


class Called(collections.namedtuple('Called', 'a, b c', defaults=(None, 'c'))):
    pass


class Typed(NamedTuple('Typed', [('a', int), ('b', str)])):
    pass


class Made(collections.namedtuple('Made', 'left right')):
    def __new__(cls, left, right=None):
        return super().__new__(cls, left, right)


class Own(NamedTuple):
    a: int

    def __init__(self, *args):
        pass


class Variable(collections.namedtuple('Variable', FIELDS)):
    pass


class Renamed(collections.namedtuple('Renamed', 'a def', rename=True)):
    pass


class Plain:
    x: int
'''


def _inits() -> dict[str, list[tuple[str, str | None]]]:
    summary = summarize(textwrap.dedent(CODE), "shapes", "shapes.py")
    found = {}
    for definition in summary.definitions:
        if definition.qualname.endswith(".__init__") and definition.synthetic:
            signature = definition.signature
            assert signature is not None
            assert all(p.kind is ParamKind.POSITIONAL_OR_KEYWORD for p in signature.parameters)
            found[definition.qualname.removesuffix(".__init__")] = [
                (p.name, p.default) for p in signature.parameters[1:]]
    return found


@pytest.mark.parametrize(("cls", "fields"), [
    ("Point", [("x", None), ("y", "0")]),
    ("Spelled", [("x", None)]),
    ("Called", [("a", None), ("b", "None"), ("c", "'c'")]),
    ("Typed", [("a", None), ("b", None)]),
])
def test_a_named_tuple_is_made_with_its_fields(cls: str, fields: list[tuple[str, str | None]]
                                               ) -> None:
    assert _inits()[cls] == fields


def test_no_constructor_is_made_up_where_the_fields_are_not_known_or_not_used() -> None:
    # ``Made``/``Own``: their own ``__new__``/``__init__`` answer; ``Variable``: fields not
    # written out; ``Renamed``: ``rename=True`` renames what it likes; ``Plain``: no tuple
    assert set(_inits()) == {"Point", "Spelled", "Called", "Typed"}
