"""benchmarks/link_digest.py: the digest of a linked graph is the same for the same tree and
changes with anything a user sees in the graph."""

from __future__ import annotations

from pathlib import Path

from git_support import copy_fixture
from helpers import load_benchmark

FIXTURES = Path(__file__).parents[1] / "fixtures"



def test_the_digest_is_stable_and_follows_the_graph(tmp_path: Path) -> None:
    bench = load_benchmark("link_digest")
    from impactgraph.linker import link

    tree = tmp_path / "shop"
    copy_fixture(FIXTURES / "shop", tree)
    first = bench.digest(link(bench.tree_summaries(tree)))
    assert bench.digest(link(bench.tree_summaries(tree))) == first
    lines = list(bench.canonical_lines(link(bench.tree_summaries(tree))))
    assert any(line.startswith("('") for line in lines)  # edges with their attributes
    search = next(tree.rglob("search.py"))
    search.write_text(search.read_text() + "\n\ndef added():\n    return find_book('x')\n")
    assert bench.digest(link(bench.tree_summaries(tree))) != first
