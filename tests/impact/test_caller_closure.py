"""``_Callers.closure``: what reaches a node, kept as bits over the graph's strongly connected
parts, is what a backward walk from that node finds (``_callers_in_tests`` and the module
nodes it passes), on graphs with cycles, references and edges the walks do not follow. And
``_Selector`` keeps at most ``MAX_REASONS`` reasons per file, saying how many more it had."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from impactgraph.impact.select_tests import MAX_REASONS, _Callers, _callers_in_tests, _Selector
from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

MODULES = ["tests.test_a", "tests.test_b", "pkg.core", "pkg.api", "pkg.util"]
NODES = [*MODULES, *(f"{m}:f{i}" for m in MODULES for i in range(3))]
KINDS = [EdgeKind.CALLS, EdgeKind.REFERENCES, EdgeKind.IMPORTS, EdgeKind.INHERITS]


def build(edges: list[tuple[int, int, int]]) -> tuple[CodeGraph, frozenset[str]]:
    graph = CodeGraph()
    for module in MODULES:
        path = module.replace(".", "/") + ".py"
        graph.add_node(module, kind="module", path=path, module=module)
        for i in range(3):
            graph.add_node(f"{module}:f{i}", kind="function", path=path, module=module)
    for source, target, kind in edges:
        graph.add_edge(NODES[source], NODES[target], KINDS[kind])
    return graph, frozenset({"tests/test_a.py", "tests/test_b.py"})


def walked(graph: CodeGraph, walker: _Callers, node: str) -> tuple[set[str], list[str]]:
    passed: set[str] = set()
    tests = _callers_in_tests(walker, node, walked=passed)
    return tests, sorted(n for n in passed if ":" not in n and n in graph
                         and graph.node(n).get("kind") == "module")


edge = st.tuples(st.integers(0, len(NODES) - 1), st.integers(0, len(NODES) - 1),
                 st.integers(0, len(KINDS) - 1))


@settings(max_examples=300, deadline=None)
@given(st.lists(edge, max_size=40), st.permutations(NODES))
def test_the_closure_is_what_a_walk_finds(edges: list[tuple[int, int, int]],
                                          order: list[str]) -> None:
    graph, tests = build(edges)
    walker = _Callers(graph, tests)  # one index for every node, asked in any order
    for node in order:
        assert walker.closure(node) == walked(graph, _Callers(graph, tests), node), node


def test_a_cycle_shares_what_reaches_any_of_its_members() -> None:
    graph, tests = build([])
    for source, target in [("pkg.core:f0", "pkg.core:f1"), ("pkg.core:f1", "pkg.core:f0"),
                           ("tests.test_a:f0", "pkg.core:f1"), ("pkg.api", "pkg.core:f0"),
                           ("tests.test_b:f0", "pkg.api:f0")]:
        graph.add_edge(source, target, EdgeKind.CALLS)
    walker = _Callers(graph, tests)
    assert walker.closure("pkg.core:f0") == ({"tests.test_a"}, ["pkg.api"])
    assert walker.closure("pkg.core:f1") == ({"tests.test_a"}, ["pkg.api"])
    assert walker.closure("pkg.api:f0") == ({"tests.test_b"}, [])


def test_a_cycle_entered_from_a_test_keeps_the_test_for_every_member() -> None:
    # walked from the test's function first: the cycle's other members finish inside that
    # walk, and must still count the test that starts it
    graph, tests = build([])
    cycle = ["tests.test_a:f0", "pkg.core:f0", "pkg.core:f1", "pkg.core:f2"]
    for source, target in zip(cycle, cycle[1:] + cycle[:1], strict=True):
        graph.add_edge(source, target, EdgeKind.CALLS)
    walker = _Callers(graph, tests)
    for node in cycle:
        assert walker.closure(node) == ({"tests.test_a"}, []), node


def test_a_file_keeps_its_first_reasons_and_says_how_many_more_it_had() -> None:
    selector = _Selector(["tests/test_a.py", "tests/test_b.py"])
    for n in range(MAX_REASONS + 5):
        selector.add("tests/test_a.py", f"reason {n}")
        selector.add("tests/test_a.py", f"reason {n}")  # the same reason twice counts once
    selector.add("tests/test_b.py", "only")
    selector.add("tests/test_c.py", "not a test file of the head")
    result = {t.path: t.reasons for t in selector.result().tests}
    assert result == {
        "tests/test_a.py": (*(f"reason {n}" for n in range(MAX_REASONS)),
                            "and 5 more reasons, left out"),
        "tests/test_b.py": ("only",),
    }
