"""A ``typing.Any`` or TypeVar annotation says nothing about the runtime object: an attribute of
such a value is as unknown as one of an unannotated parameter. It used to grow an outside path
(``typing.Any.body.Node.call``), one per chain of names read, until a visitor's ``node`` held
thousands of them and became Top (anything): every call through it a given-up call. So does a
name ``typing`` lacks (jinja2's ``"t.Optional[VisitCallable]"`` is read as
``typing.VisitCallable``)."""

from __future__ import annotations

import importlib

from helpers import graph_of, summaries_of

from impactgraph.linker.resolve import Resolver
from impactgraph.linker.stdlib import typing_says_nothing
from impactgraph.linker.values import Ext, Inst

link_module = importlib.import_module("impactgraph.linker.link")

CODE = {
    "a.py": """
import typing as t

T = t.TypeVar("T", bound="Node")

class Node:
    def run(self):
        pass

    def walk(self):
        pass

class Leaf(Node):
    def run(self):
        pass

def visit(node: t.Any, depth: int = 0):
    node.run()
    node.body.Node.call.context.walk()
    for child in node.children:
        visit(child.inner.value)
    visit(node.parent.left)

def generic(node: T) -> T:
    node.run()
    generic(node.left.right)
    return node

def called(callback: t.Callable[..., t.Any], node: Node):
    callback(node).result.more.walk()

def lone_any(node: t.Any):
    node.go()

def lone_typevar(node: T):
    node.go()

def lone_string(node: "t.Optional[Missing]"):
    node.go()

def lone_bare(node):
    node.go()

def use():
    visit(Node())
    generic(Leaf())
""",
}


def _resolver() -> Resolver:
    summaries = summaries_of(CODE)
    resolver = Resolver(summaries)
    link_module._flow_arguments(resolver, summaries)
    return resolver


def _typing_paths(values: frozenset[object]) -> set[str]:
    return {
        v.dotted for v in values
        if isinstance(v, Ext) and v.dotted.startswith("typing.") and v.dotted.count(".") > 1
    }


def test_an_any_or_typevar_value_grows_no_attribute_path_and_keeps_real_classes():
    resolver = _resolver()
    visit = resolver.resolve_key("v:a:visit|node")
    generic = resolver.resolve_key("v:a:generic|node")
    assert _typing_paths(visit) == set()
    assert _typing_paths(generic) == set()
    # called, an unknown value carries its arguments (``Ext.carried``): still unknown
    assert _typing_paths(resolver.resolve_key("v:a:called|callback")) == set()
    assert not any(v.dotted.count(".") > 1 for k in resolver.bindings if k.startswith("v:a:")
                   for v in resolver.resolve_key(k) if isinstance(v, Ext))
    assert Inst("a:Node", True) in visit
    assert Inst("a:Leaf", True) in generic
    assert len(visit) < 10 and len(generic) < 10


def test_calls_through_real_classes_still_resolve():
    graph = graph_of(CODE)
    calls = {(u, v) for u, v, kind in graph.edges() if kind == "calls"}
    assert {("a:visit", "a:Node.run"), ("a:generic", "a:Leaf.run")} <= calls
    assert ("a:use", "a:visit") in calls


def test_an_attribute_of_any_or_a_typevar_is_as_unknown_as_an_unannotated_one():
    graph = graph_of(CODE)
    callers = {caller for caller, _ in graph.unresolved_sites}
    # ``node.go()`` with nothing passed in: unresolved in all four, asking for ``go`` alike
    lone = ("a:lone_any", "a:lone_typevar", "a:lone_string", "a:lone_bare")
    assert set(lone) <= callers
    assert len({frozenset(graph.unresolved_names[f]) for f in lone}) == 1
    assert not any(d.startswith("typing.") and d.count(".") > 1
                   for callees in graph.external_calls.values() for d in callees)


def test_a_typing_class_keeps_its_attributes():
    assert typing_says_nothing("typing.Any") and typing_says_nothing("typing.TypeVar")
    assert typing_says_nothing("typing_extensions.Literal")
    assert typing_says_nothing("typing.NoReturn") and typing_says_nothing("typing.Missing")
    assert not typing_says_nothing("typing.IO") and not typing_says_nothing("typing.Pattern")
    assert not typing_says_nothing("typing.Any.x") and not typing_says_nothing("lib.Any")
