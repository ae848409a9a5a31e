"""What reads a module constant at import time on behalf of a definition, and what reads a
class's data attributes.

A default value (``def window(size=LIMIT)``) and a decorator's argument
(``@lru_cache(maxsize=SIZE)``) are read as the module runs, but the value is the function's:
a call of it runs with that value; a read in a class body (a dataclass field's default
``timeout: int = TIMEOUT``, a decorator or base of the class) is the class's. Each references
the constant for that definition too (``Reference.held``: only the variables read count), as
a module-level variable's value does for the variable. The annotations are no part of the
value. A module-level value made with ``globals()`` (h11 0.14.0's
``"{field_vchar}+".format(**globals())``) references every variable bound above it.

A class attribute has no node of its own: reading one (``self.limit``, ``cls.kinds``,
``Child.depth`` with ``depth`` bound in ``Base``'s body, ``self.__class__.greeting``)
references the class whose body binds it, the first of the MRO with that data attribute; on
``self`` or ``cls``, also a subclass binding it over. Methods, nested classes, attributes
bound on instances only (``self._store = {}``), fields declared by an annotation alone
(``x: int`` of a named tuple) and reads of nothing of ours reference no class."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

CODE = {
    "pkg/__init__.py": "",
    "pkg/conf.py": """
LIMIT = 10
SIZE = 4
TIMEOUT = 30
KEY = "k"
Number = int
""",
    "pkg/patterns.py": """
import re

vchar = "[!-~]"
field_vchar = vchar
field = "{field_vchar}+".format(**globals())
later = "x"
""",
    "pkg/use.py": """
import functools
from dataclasses import dataclass
from typing import NamedTuple

from pkg import conf
from pkg.conf import LIMIT, TIMEOUT, KEY, Number


def window(size=LIMIT, *, key=KEY):
    return size, key


def annotated(size: Number = 3) -> Number:
    return size


@functools.lru_cache(maxsize=conf.SIZE)
def cached(x):
    return x


@dataclass
class Settings:
    timeout: Number = TIMEOUT


class Base:
    limit = 10
    kinds = ["a", "b"]
    greeting = "hi"

    def get(self):
        return self.limit

    @classmethod
    def count(cls):
        return len(cls.kinds)

    def greet(self):
        return self.__class__.greeting

    def helper(self):
        return self.get()


class Child(Base):
    depth = 3


class Other(Base):
    limit = 11


class Cache:
    def __init__(self):
        self._store = {}

    def get(self, key):
        return self._store[key]


class Point(NamedTuple):
    x: int


def depth():
    return Child.depth


def first(point: Point):
    return point.x


def inherited():
    return Child.limit


def method_only():
    return Base.get
""",
}


def _references(graph: CodeGraph, source: str) -> set[str]:
    return {target for target, kind in graph.successors(source)
            if kind == EdgeKind.REFERENCES and ":" in target}


def test_a_default_or_a_decorator_argument_is_the_function_s_value() -> None:
    graph = graph_of(CODE)
    assert _references(graph, "pkg.use:window") >= {"pkg.conf:LIMIT", "pkg.conf:KEY"}
    assert "pkg.conf:SIZE" in _references(graph, "pkg.use:cached")


def test_a_read_in_a_class_body_is_the_class_s_value() -> None:
    graph = graph_of(CODE)
    assert "pkg.conf:TIMEOUT" in _references(graph, "pkg.use:Settings")


def test_annotations_are_no_part_of_the_value() -> None:
    graph = graph_of(CODE)
    assert "pkg.conf:Number" not in _references(graph, "pkg.use:annotated")
    assert "pkg.conf:Number" not in _references(graph, "pkg.use:Settings")


def test_reading_a_class_attribute_references_the_class_binding_it() -> None:
    graph = graph_of(CODE)
    # on self or cls: the class, and a subclass binding the name over it
    assert {"pkg.use:Base", "pkg.use:Other"} <= _references(graph, "pkg.use:Base.get")
    assert "pkg.use:Base" in _references(graph, "pkg.use:Base.count")
    assert "pkg.use:Base" in _references(graph, "pkg.use:Base.greet")
    # on a class: the first of its MRO that binds it
    assert "pkg.use:Child" in _references(graph, "pkg.use:depth")
    assert "pkg.use:Base" in _references(graph, "pkg.use:inherited")


def test_a_method_an_instance_attribute_or_a_declared_field_references_no_class() -> None:
    graph = graph_of(CODE)
    # bound on the instances only, and declared by an annotation: no class body gives the
    # value (a reference would also make the readers users of the class as such)
    assert "pkg.use:Cache" not in _references(graph, "pkg.use:Cache.get")
    assert "pkg.use:Point" not in _references(graph, "pkg.use:first")
    assert "pkg.use:Base" not in _references(graph, "pkg.use:Base.helper")
    assert "pkg.use:Base" not in _references(graph, "pkg.use:method_only")


def test_a_value_made_with_globals_references_the_variables_above_it() -> None:
    graph = graph_of(CODE)
    assert _references(graph, "pkg.patterns:field") == {"pkg.patterns:vchar",
                                                         "pkg.patterns:field_vchar"}
