"""A graph read from a snapshot answers every reading method as the networkx graph its rows
build does: same values, same orders; and rows of the wrong shape are a miss."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
from impactgraph.linker import CodeGraph
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _answers(graph: CodeGraph) -> dict[str, Any]:
    """Everything the reading methods say, in the order they say it."""
    nodes = list(graph.nodes())
    modules = list(graph.nodes("module"))
    pairs = sorted({(s, t) for s, t, _ in graph.edges()})
    strangers = ["nowhere:at_all", "nowhere"]
    return {
        "nodes": nodes,
        "modules": modules,
        "classes": list(graph.nodes("class")),
        "attributes": [graph.node(n) for n in nodes],
        "module_of": [graph.module_of(n) for n in nodes],
        "path_of": [graph.path_of(n) for n in nodes],
        "members": [graph.members(m) for m in [*modules, *strangers]],
        "edges": list(graph.edges()),
        "call_edges": list(graph.edges(["calls", "imports"])),
        "predecessors": [list(graph.predecessors(n)) for n in [*nodes, *strangers]],
        "successors": [list(graph.successors(n)) for n in [*nodes, *strangers]],
        "into_field": [graph.into_field(n, f) for n in [*nodes, *strangers]
                       for f in ("recv", "line", "sites")],
        "into_fields": [graph.into_fields(n, ("main", "recv", "callback", "named"))
                        for n in [*nodes, *strangers]],
        "edge_kinds": [graph.edge_kinds(s, t) for s, t in pairs],
        "edge_data": [
            graph.edge_data(s, t, k) for s, t in pairs for k in ("calls", "imports", "references")
        ],
        "missing": [n in graph for n in strangers] + [n in graph for n in nodes[:50]],
        "counts": graph.counts(),
    }


@pytest.mark.parametrize("fixture", ["shop", "flat"])
def test_stored_rows_answer_as_the_networkx_graph_they_build(fixture: str) -> None:
    linked = index_directory(FIXTURES / fixture, session=Session(jobs=1)).graph
    data = json.loads(json.dumps(graph_to_dict(linked)))  # as the store reads it back
    stored = graph_from_dict(data)
    built = graph_from_dict(copy.deepcopy(data))
    assert stored is not None and built is not None
    assert built.graph is not None  # the networkx graph, built from the rows
    assert stored._stored is not None and built._stored is None
    assert _answers(stored) == _answers(built)
    assert stored._stored is not None  # answering did not build the networkx graph
    # the same graph, to the byte: written out from its rows (not building networkx's)
    assert json.dumps(graph_to_dict(stored)) == json.dumps(graph_to_dict(linked))
    assert json.dumps(graph_to_dict(stored)) == json.dumps(graph_to_dict(built))
    assert stored._stored is not None


def test_a_stored_graph_grows_as_a_linked_one() -> None:
    linked = index_directory(FIXTURES / "shop", session=Session(jobs=1)).graph
    stored = graph_from_dict(json.loads(json.dumps(graph_to_dict(linked))))
    assert stored is not None
    node = next(iter(linked.nodes("function")))
    stored.add_edge(node, node, "calls", line=1)  # type: ignore[arg-type]
    linked.add_edge(node, node, "calls", line=1)  # type: ignore[arg-type]
    assert sorted(stored.edges()) == sorted(linked.edges())
    assert stored.counts() == linked.counts()


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["nodes"].append(list(d["nodes"][0])),  # a node twice
        lambda d: d["nodes"][0].__setitem__(0, 7),  # a name that is no string
        lambda d: d["nodes"][0].pop(),  # a short row
        lambda d: d["edges"][0].__setitem__(0, -1),  # an index before the first node
        lambda d: d["edges"][0].__setitem__(1, len(d["nodes"])),  # past the last
        lambda d: d["edges"][0].__setitem__(1, "m"),  # a name, not an index
        lambda d: d["edges"][0].__setitem__(2, 3),  # a kind that is no string
        lambda d: d["edges"][0].append(None),  # a long row
        lambda d: d.__setitem__("edges", [5]),  # not a row at all
    ],
)
def test_rows_of_the_wrong_shape_are_a_miss(damage: Any) -> None:
    graph = index_directory(FIXTURES / "shop", session=Session(jobs=1)).graph
    data = json.loads(json.dumps(graph_to_dict(graph)))
    damage(data)
    assert graph_from_dict(data) is None


def test_edges_between_nodes_with_many_edges_each_answer_as_the_networkx_graph() -> None:
    # sources and targets with more edges than LONG both ways: edges are found by target
    # (an index made once per source), and still in row order, every kind of a pair
    from impactgraph.linker.stored import LONG
    from impactgraph.model import EdgeKind

    graph = CodeGraph()
    width = LONG + 3
    for i in range(width):
        graph.add_node(f"m:s{i}", kind="function", module="m", path="m.py")
        graph.add_node(f"n:t{i}", kind="function", module="n", path="n.py")
    for i in range(width):
        for j in range(width):
            if (i + j) % 5:
                graph.add_edge(f"m:s{i}", f"n:t{j}", EdgeKind.CALLS, line=i * 100 + j)
            if (i * j) % 3 == 0:
                graph.add_edge(f"m:s{i}", f"n:t{j}", EdgeKind.REFERENCES, line=j)
    data = json.loads(json.dumps(graph_to_dict(graph)))
    stored, built = graph_from_dict(data), graph_from_dict(copy.deepcopy(data))
    assert stored is not None and built is not None and stored._stored is not None
    assert _answers(stored) == _answers(built)
    assert all(stored.has_edge(f"m:s{i}", f"n:t{j}", "calls") == bool((i + j) % 5)
               for i in range(width) for j in range(width))


@pytest.mark.parametrize("stored", [False, True])
def test_the_fields_of_every_edge_into_a_node_are_that_edges_own(stored: bool) -> None:
    graph = index_directory(FIXTURES / "shop", session=Session(jobs=1)).graph
    if stored:
        read = graph_from_dict(json.loads(json.dumps(graph_to_dict(graph))))
        assert read is not None and read.stored_rows() is not None
        graph = read
    asked = 0
    for node in graph.nodes():
        for name in ("recv", "line", "dispatch"):
            fields = graph.into_field(node, name)
            assert [(s, k) for s, k, _ in fields] == list(graph.predecessors(node))
            for source, kind, value in fields:
                assert value == graph.edge_field(source, node, kind, name)
                asked += value is not None
        names = ("recv", "line", "dispatch", "sites")  # several at once: each its own
        several = graph.into_fields(node, names)
        assert [(s, k) for s, k, _ in several] == list(graph.predecessors(node))
        for source, kind, values in several:
            assert values == tuple(graph.edge_field(source, node, kind, n) for n in names)
    assert asked > 100
