"""Edge kinds: one enum; the graph itself holds the plain strings (JSON, stored graphs)."""

from __future__ import annotations

import pytest

from impactgraph.linker.graph import EDGE_KINDS, CodeGraph
from impactgraph.model import EdgeKind


def test_the_graph_holds_plain_strings() -> None:
    graph = CodeGraph()
    graph.add_edge("m:a", "m:b", EdgeKind.CALLS, 3)
    graph.add_edge("m:a", "m", EdgeKind.IMPORTS, 1)
    kinds = {kind for _, _, kind in graph.edges()}
    assert kinds == {"calls", "imports"}
    assert all(type(kind) is str for kind in kinds)
    assert graph.edge_data("m:a", "m:b", EdgeKind.CALLS)["line"] == 3
    assert [t for t, kind in graph.successors("m:a") if kind == EdgeKind.IMPORTS] == ["m"]


def test_kinds_in_drawing_order() -> None:
    assert EDGE_KINDS == ("calls", "references", "imports", "inherits", "overrides", "exports")
    assert all(type(kind) is str for kind in EDGE_KINDS)


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(KeyError, match="calling"):
        CodeGraph().add_edge("m:a", "m:b", "calling")  # type: ignore[arg-type]
