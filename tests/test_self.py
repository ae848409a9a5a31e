"""impactgraph on its own source: it must index itself without a warning, and see its own
structure (a test that keeps the indexer honest on real, typed, modern Python)."""

from __future__ import annotations

from pathlib import Path

from impactgraph.app.callgraph import to_pycg
from impactgraph.app.indexing import index_directory
from impactgraph.config import Config

ROOT = Path(__file__).resolve().parents[1]


def test_indexes_its_own_source():
    result = index_directory(ROOT, Config(source_roots=(".",), exclude=("fixtures/*", "tests/*",
                                                                        "benchmarks/*")))
    graph = result.graph
    assert not graph.warnings
    assert "impactgraph.linker.link:link" in graph
    calls = {(s, t) for s, t, _ in graph.edges(["calls"])}
    indexing = "impactgraph.app.indexing"
    assert (f"{indexing}:index_directory", f"{indexing}:link_kept") in calls
    assert (f"{indexing}:link_kept", "impactgraph.linker.link:link") in calls  # a lazy import
    assert (
        "impactgraph.app.callgraph:pycg_for_directory", "impactgraph.render.callgraph_pycg:to_pycg"
    ) in calls
    assert ("impactgraph.linker.link:link", "impactgraph.linker.link:_link") in calls
    resolver_init = "impactgraph.linker.resolve:Resolver.__init__"
    assert ("impactgraph.linker.link:_link", resolver_init) in calls
    # the CLI package re-exports the typer app it defines in cli.app
    pycg = to_pycg(graph)
    assert "impactgraph.cli.app.handle_errors" in pycg
    counts = graph.counts()
    assert counts["unresolved_calls"] < counts["calls_edges"]
