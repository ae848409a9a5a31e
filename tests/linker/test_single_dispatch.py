"""``functools.singledispatch`` and ``singledispatchmethod``: calling the dispatcher runs the
function registered for the first argument's type, so each registered function is a callee
of the dispatcher (``link._link_dispatch_registration``). Before, a registered function had
no caller at all, and a change to it reached no test (ovld, and any code with
``@fmt.register def _``)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.model import EdgeKind

SOURCE = """
import functools
from functools import singledispatch, singledispatchmethod


@singledispatch
def fmt(value):
    return str(value)


@fmt.register
def _(value: int):
    return "int"


@fmt.register(float)
def _(value):
    return "float"


def as_list(value):
    return "list"


fmt.register(list, as_list)


@functools.singledispatch
def size(value):
    return 0


@size.register
def _size_of_str(value: str):
    return len(value)


class Shape:
    @singledispatchmethod
    def scale(self, by):
        return by

    @scale.register
    def _(self, by: int):
        return by * 2


class Registry:
    def register(self, fn):
        return fn


registry = Registry()


def plain(value):
    return value


@registry.register
def not_dispatched(value):
    return value
"""


def _calls(graph, source: str) -> dict[str, dict]:
    return {target: graph.edge_data(source, target, kind)
            for target, kind in graph.successors(source) if kind == EdgeKind.CALLS}


def test_each_registered_function_is_called_by_its_dispatcher() -> None:
    graph = graph_of({"pkg/__init__.py": "", "pkg/fmt.py": SOURCE})
    # the two ``_`` are one symbol (the last definition's node), as every ``_`` is
    assert set(_calls(graph, "pkg.fmt:fmt")) == {"pkg.fmt:_", "pkg.fmt:as_list"}
    assert set(_calls(graph, "pkg.fmt:size")) == {"pkg.fmt:_size_of_str"}
    method = _calls(graph, "pkg.fmt:Shape.scale")
    assert set(method) == {"pkg.fmt:Shape._"}
    assert method["pkg.fmt:Shape._"]["bound"]  # called with the instance's ``self`` taken
    # the dispatcher (outside code) makes the call; it is one of the functions it may run
    for data in (*_calls(graph, "pkg.fmt:fmt").values(), *method.values()):
        assert data["callback"] and data["dispatch"]
    assert not any(data["bound"] for data in _calls(graph, "pkg.fmt:fmt").values())


def test_a_register_method_of_another_kind_of_object_is_no_dispatch() -> None:
    graph = graph_of({"pkg/__init__.py": "", "pkg/fmt.py": SOURCE})
    symbols = ["pkg.fmt", "pkg.fmt:fmt", "pkg.fmt:size", "pkg.fmt:plain",
               "pkg.fmt:Registry.register", "pkg.fmt:Shape.scale"]
    assert not any(_calls(graph, symbol).get("pkg.fmt:not_dispatched", {}).get("dispatch")
                   for symbol in symbols)
