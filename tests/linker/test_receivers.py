"""The linker's ``recv`` entries on call edges: on whose object a call runs its target, and
for which class of the caller's ``self`` (``impactgraph.linker.receivers``)."""

from __future__ import annotations

import dataclasses

from helpers import graph_of, summaries_of

from impactgraph.linker import link
from impactgraph.model import EdgeKind

TREE = {
    "lib.py": """
        class Store:
            def put(self, key):
                if key not in self:
                    self.evict()
                self.keep(key)

            def keep(self, key):
                return key

            def __contains__(self, key):
                return False

            def evict(self):
                return None

        class LRU(Store):
            def evict(self):
                return 1

        class Timed(Store):
            def evict(self):
                return 2

            def __contains__(self, key):
                return True

        def use():
            store = LRU()
            store.put(1)

        def given(store):
            store.put(1)

        def caller():
            given(LRU())
        """,
    "mixin.py": """
        from lib import LRU, Timed

        class Tests:
            Store = None

            def test_put(self):
                store = self.Store()
                store.put(1)

            def test_alias(self):
                me = self
                me.Store().put(1)

        class LRUTests(Tests):
            Store = LRU

        class TimedTests(Tests):
            Store = Timed
        """,
}


def _recv(graph, source: str, target: str) -> set[tuple[str, str]] | None:
    entries = graph.edge_field(source, target, EdgeKind.CALLS, "recv")
    return None if entries is None else {(g, r) for g, r in entries}


def test_a_call_through_self_reaches_an_override_only_on_its_class() -> None:
    graph = graph_of(TREE)
    assert _recv(graph, "lib:Store.put", "lib:Timed.evict") == {("lib:Timed", "self")}
    assert _recv(graph, "lib:Store.put", "lib:LRU.evict") == {("lib:LRU", "self")}
    assert _recv(graph, "lib:Store.put", "lib:Timed.__contains__") == {("lib:Timed", "self")}
    # the base's own method: only on the base itself (each subclass has an override)
    assert _recv(graph, "lib:Store.put", "lib:Store.evict") == {("=lib:Store", "self")}
    # no subclass overrides it: any self
    assert _recv(graph, "lib:Store.put", "lib:Store.keep") == {("", "self")}


def test_an_instance_built_in_the_caller_is_a_known_receiver() -> None:
    graph = graph_of(TREE)
    assert _recv(graph, "lib:use", "lib:Store.put") == {("", "=lib:LRU")}


def test_a_receiver_from_a_parameter_is_unknown() -> None:
    graph = graph_of(TREE)
    assert graph.has_edge("lib:given", "lib:Store.put", EdgeKind.CALLS)
    assert _recv(graph, "lib:given", "lib:Store.put") is None


def test_a_class_attribute_read_on_self_is_followed_per_subclass() -> None:
    graph = graph_of(TREE)
    assert _recv(graph, "mixin:Tests.test_put", "lib:Store.put") == {
        ("mixin:LRUTests", "=lib:LRU"), ("mixin:TimedTests", "=lib:Timed")}


def test_self_passed_on_is_not_followed_per_subclass() -> None:
    graph = graph_of(TREE)
    assert graph.has_edge("mixin:Tests.test_alias", "lib:Store.put", EdgeKind.CALLS)
    entries = _recv(graph, "mixin:Tests.test_alias", "lib:Store.put")
    assert entries is None or all(given == "" for given, _ in entries)


# ``command`` reads its own ``self`` (a known receiver: the method's class), and so does the
# closure ``decorator``, where ``self`` is an enclosing function's parameter (not known: the
# closure's receivers are left unknown). The two scopes ask about the same variable.
CLOSURE = """
class Group:
    def add(self, item):
        return item

    def command(self):
        def decorator(f):
            self.add(f)
            return f
        self.add(None)
        return decorator

class Sub(Group):
    def add(self, item):
        return None
"""


def test_receivers_do_not_depend_on_which_scope_asks_first() -> None:
    summaries = summaries_of({"lib.py": CLOSURE})
    graphs = []
    for order in (list, lambda calls: list(reversed(calls))):
        ordered = [dataclasses.replace(s, calls=tuple(order(s.calls))) for s in summaries]
        graphs.append(link(ordered))
    method, closure = "lib:Group.command", "lib:Group.command.decorator"
    for graph in graphs:
        assert graph.has_edge(closure, "lib:Sub.add", EdgeKind.CALLS)
        # the closure's ``self`` comes in from the enclosing method: unknown to it
        assert _recv(graph, closure, "lib:Group.add") is None
        assert _recv(graph, closure, "lib:Sub.add") is None
        assert _recv(graph, method, "lib:Sub.add") == {("lib:Sub", "self")}
    # the same edges and fields (but ``sites``: positions in the reordered calls)
    first, second = (
        {edge: {k: v for k, v in graph.edge_data(*edge).items() if k != "sites"}
         for edge in graph.edges()}
        for graph in graphs)
    assert first == second
