"""Which classes inherit a test method: the answers shared between questions (one climb of a
hierarchy for all its classes) are those of each question asked alone, in any order."""

from __future__ import annotations

import itertools

from helpers import graph_of

from impactgraph.impact.select_tests import _has_tests, _owners

TREE = {
    "base.py": """
        class Root:
            def helper(self):
                return 1

        class WithTests(Root):
            def test_one(self):
                assert True
        """,
    "test_chain.py": """
        from base import Root, WithTests

        class A(WithTests):
            pass

        class B(A):
            pass

        class Plain(Root):
            def run(self):
                return 2

        class C(B, Plain):
            class Inner:
                def test_nested(self):
                    pass

        class D(Plain):
            pass

        class E(D):
            def testing(self):
                pass
        """,
}


def test_shared_answers_are_the_answers_of_each_class_alone() -> None:
    graph = graph_of(TREE)
    classes = [n for n in graph.nodes() if graph.node(n).get("kind") == "class"]
    alone = {cls: _has_tests(graph, cls) for cls in classes}
    assert alone["test_chain:B"] and alone["test_chain:C"] and alone["test_chain:E"]
    assert not alone["test_chain:D"] and not alone["base:Root"]
    assert alone["test_chain:C.Inner"]
    for order in itertools.islice(itertools.permutations(classes), 0, None, 997):
        known: dict[str, bool] = {}
        assert {cls: _has_tests(graph, cls, known) for cls in order} == alone


def test_owners_among_the_known_classes_are_the_owners_found_alone() -> None:
    graph = graph_of(TREE)
    known = set(graph.nodes("class"))
    for node in sorted(graph.nodes()):
        assert _owners(graph, node, known) == _owners(graph, node)
    assert _owners(graph, "test_chain:C.Inner.test_nested", known) == [
        "test_chain:C.Inner", "test_chain:C"]
