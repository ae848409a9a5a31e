"""The graph should be a function of the summaries, not of the order they are linked in: the
precondition of incremental linking (issue 12: results identical to a full relink).

The class hierarchy is (bases found again until they settle), and so are cycles of values
(functions returning each other's results, attributes flowing into each other): the
resolver's memo is SCC-aware (a cycle's head is evaluated again until its members settle,
and only then is anything under it memoised), where it used to cut a cycle where it was
entered and keep what the cut left out."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from helpers import summaries_of

from impactgraph.linker import CodeGraph, link, resolve
from impactgraph.linker.resolve import outside_attribute
from impactgraph.linker.values import Ext
from impactgraph.model import FileSummary

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PACKAGE = Path(__file__).resolve().parents[2] / "impactgraph"

# Child's base is an attribute of Holder that Holder inherits: found before Holder's own bases
# were, Holder's MRO was [Holder] (and stayed cached so), Child had no base and super().run()
# reached nothing
HIERARCHY = {
    "a.py": """
from b import Holder

class Child(Holder.kind):
    def run(self):
        return super().run()

def use():
    Holder().go()
""",
    "b.py": """
class Impl:
    def run(self):
        pass

class Base:
    kind = Impl

    def go(self):
        pass

class Holder(Base):
    pass
""",
}

# pick() and choose() return each other's results: both return f and g
RETURNS = {
    "a.py": """
import b

def f():
    pass

def pick(flag):
    if flag:
        return f
    return b.choose(flag)

def use_a():
    pick(1)()
""",
    "b.py": """
import a

def g():
    pass

def choose(flag):
    if flag:
        return g
    return a.pick(flag)

def use_b():
    choose(1)()
""",
}

# three functions whose results flow round a cycle of three modules, with a cycle of two
# inside it (fb and fc return each other's results too): every one returns all three
NESTED = {
    "a.py": """
import b

def fa():
    pass

def pick_a(n):
    if n:
        return fa
    return b.pick_b(n)

def use_a():
    pick_a(1)()
""",
    "b.py": """
import c

def fb():
    pass

def pick_b(n):
    if n:
        return fb
    if n > 1:
        return c.pick_c(n)
    return c.pick_c(n - 1)

def use_b():
    pick_b(1)()
""",
    "c.py": """
import a
import b

def fc():
    pass

def pick_c(n):
    if n:
        return fc
    if n > 1:
        return b.pick_b(n)
    return a.pick_a(n)

def use_c():
    pick_c(1)()
""",
}

# a function that may return three functions, and one that may return two
WIDE = {
    "a.py": """
def one():
    pass

def two():
    pass

def three():
    pass

def wide(n):
    if n:
        return one
    if n > 1:
        return two
    return three

def narrow(n):
    if n:
        return one
    return two

def use_wide(n):
    wide(n)()

def use_narrow(n):
    narrow(n)()
""",
}

# instance attributes that flow into each other across modules and classes
ATTRIBUTES = {
    "p.py": """
import q

class Left:
    def __init__(self, right: q.Right):
        self.handler = right.handler
        self.handler = self.run

    def run(self):
        pass

    def go(self):
        self.handler()
""",
    "q.py": """
import p

class Right:
    def __init__(self, left: p.Left):
        self.handler = left.handler
        self.handler = self.stop

    def stop(self):
        pass

    def go(self):
        self.handler()
""",
}


def _edges(graph: CodeGraph) -> set[tuple[str, str, str, tuple[tuple[str, str], ...]]]:
    """Every edge with its attributes (line, marks, sites): all of it must match."""
    return {
        (source, target, kind, tuple(sorted((k, repr(v)) for k, v in data.items())))
        for source, target, kind, data in graph.graph.edges(keys=True, data=True)
    }


def _orders(summaries: list[FileSummary]) -> list[list[FileSummary]]:
    forward = sorted(summaries, key=lambda s: s.module)
    middle = len(forward) // 2
    shuffled = list(forward)
    random.Random(12).shuffle(shuffled)  # noqa: S311 - a fixed order, not a secret
    return [forward, forward[::-1], forward[middle:] + forward[:middle], shuffled]


def _same_in_every_order(summaries: list[FileSummary], orders: int = 4) -> CodeGraph:
    graphs = [link(order) for order in _orders(summaries)[:orders]]
    first = _edges(graphs[0])
    for graph in graphs[1:]:
        assert _edges(graph) == first
        assert sorted(graph.unresolved_sites) == sorted(graphs[0].unresolved_sites)
        assert graph.unresolved_calls == graphs[0].unresolved_calls
    return graphs[0]


def test_a_base_found_through_another_class_sees_its_whole_hierarchy():
    graph = _same_in_every_order(summaries_of(HIERARCHY))
    calls = {(u, v) for u, v, kind in graph.edges() if kind == "calls"}
    assert ("a:Child.run", "b:Impl.run") in calls
    assert ("a:Child", "b:Impl", "inherits") in set(graph.edges())
    assert ("a:use", "b:Base.go") in calls  # Holder's MRO has Base, whoever asked first


def test_mutually_returning_functions_see_the_whole_cycle():
    graph = _same_in_every_order(summaries_of(RETURNS))
    calls = {(u, v) for u, v, kind in graph.edges() if kind == "calls"}
    assert {("a:use_a", "a:f"), ("a:use_a", "b:g"), ("b:use_b", "a:f"),
            ("b:use_b", "b:g")} <= calls


def test_attributes_flowing_into_each_other_link_the_same_in_every_order():
    graph = _same_in_every_order(summaries_of(ATTRIBUTES))
    calls = {(u, v) for u, v, kind in graph.edges() if kind == "calls"}
    # each handler holds its own method and the other's: both go() reach both
    assert {("p:Left.go", "p:Left.run"), ("p:Left.go", "q:Right.stop"),
            ("q:Right.go", "p:Left.run"), ("q:Right.go", "q:Right.stop")} <= calls


def test_nested_cycles_across_three_modules_settle_in_every_order():
    modules = summaries_of(NESTED)
    graphs = [link(list(order)) for order in itertools.permutations(modules)]
    first = _edges(graphs[0])
    assert all(_edges(graph) == first for graph in graphs[1:])
    calls = {(u, v) for u, v, kind in graphs[0].edges() if kind == "calls"}
    for user in ("a:use_a", "b:use_b", "c:use_c"):
        assert {(user, "a:fa"), (user, "b:fb"), (user, "c:fc")} <= calls


def test_a_value_set_past_the_limit_is_anything_and_its_call_unresolved(monkeypatch):
    monkeypatch.setattr(resolve, "MAX_VALUES", 2)
    graph = _same_in_every_order(summaries_of(WIDE))
    calls = {(u, v) for u, v, kind in graph.edges() if kind == "calls"}
    # three candidates: more than the limit, so nothing is claimed, and the call is counted
    # unresolved (fail-open) rather than linked to whichever two sort first
    assert {v for u, v in calls if u == "a:use_wide"} == {"a:wide"}
    assert ("a:use_wide", 24) in graph.unresolved_sites
    # two candidates: within the limit, both linked
    assert {("a:use_narrow", "a:one"), ("a:use_narrow", "a:two")} <= calls


def test_outside_attribute_paths_stay_bounded():
    assert outside_attribute(Ext("lib.Node"), "parent") == Ext("lib.Node.parent")
    again = Ext("lib.Node.parent")
    assert outside_attribute(again, "parent") == again  # ``node = node.parent`` in a loop
    long = Ext(".".join(["lib", *(f"n{i}" for i in range(resolve.MAX_EXT_PARTS))]))
    assert outside_attribute(long, "more") == long


def _directory(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.py"))
    }


@pytest.mark.parametrize("name", ["shop", "flat"])
def test_fixtures_link_the_same_in_every_order(name: str):
    _same_in_every_order(summaries_of(_directory(FIXTURES / name)))


def test_this_package_links_the_same_in_every_order():
    files = {f"impactgraph/{k}": v for k, v in _directory(PACKAGE).items()}
    _same_in_every_order(summaries_of(files), orders=2)
