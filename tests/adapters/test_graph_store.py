"""Linked graphs cached per tree: a faithful round trip, and a bad snapshot is only a miss."""

from __future__ import annotations

import marshal
import zlib
from pathlib import Path

from git_support import copy_fixture

from impactgraph.adapters.cache_folder import mac
from impactgraph.adapters.graph_store import MAGIC, SNAPSHOT_SUFFIX, GraphStore, tree_key
from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
from impactgraph.linker import CodeGraph
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

SHOP = Path(__file__).resolve().parents[2] / "fixtures" / "shop"


def _shop_graph():
    return index_directory(SHOP, session=Session(jobs=1)).graph


def test_snapshot_round_trip_keeps_every_node_edge_and_count():
    graph = _shop_graph()
    again = graph_from_dict(graph_to_dict(graph))
    assert again is not None
    assert sorted(again.edges()) == sorted(graph.edges())
    assert {n: again.node(n) for n in again.nodes()} == {n: graph.node(n) for n in graph.nodes()}
    assert again.counts() == graph.counts()
    assert again.external_calls == graph.external_calls


def test_store_saves_loads_and_ignores_garbage(tmp_path: Path):
    store = GraphStore(tmp_path)
    graph = _shop_graph()
    key = tree_key([("a.py", "a", False, "1" * 40)])
    assert store.load(key) is None
    store.save(key, graph)
    loaded = store.load(key)
    assert loaded is not None and sorted(loaded.edges()) == sorted(graph.edges())
    path = tmp_path / ".impactgraph" / "graphs" / f"{key}{SNAPSHOT_SUFFIX}"
    path.write_bytes(b"not a snapshot")
    assert store.load(key) is None
    # well tagged, but of another snapshot version
    packed = zlib.compress(marshal.dumps({"version": 999}))
    path.write_bytes(MAGIC + mac("graph", key, packed).encode() + b"\n" + packed)
    assert store.load(key) is None


def test_tree_key_depends_on_every_file_and_content():
    one = tree_key([("a.py", "a", False, "1"), ("b.py", "b", False, "2")])
    assert one == tree_key([("b.py", "b", False, "2"), ("a.py", "a", False, "1")])
    assert one != tree_key([("a.py", "a", False, "1"), ("b.py", "b", False, "3")])
    assert one != tree_key([("a.py", "a", False, "1")])


def test_warm_index_loads_the_graph_it_linked(tmp_path: Path, monkeypatch):

    from impactgraph.adapters.cache import SummaryCache

    root = tmp_path / "shop"
    copy_fixture(SHOP, root)
    # the stat index trusts only files that have not changed for a moment (racy git)
    monkeypatch.setattr("impactgraph.adapters.cache.RACY_SECONDS", -60.0)
    with SummaryCache.open(root) as cache:
        cold = index_directory(root, session=Session(cache, 1), want_summaries=False)
    with SummaryCache.open(root) as cache:
        warm = index_directory(root, session=Session(cache, 1), want_summaries=False)
    assert warm.files_read == 0 and warm.summaries == []
    assert sorted(warm.graph.edges()) == sorted(cold.graph.edges())


def test_index_command_prints_the_same_counts_from_the_cache(tmp_path: Path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from impactgraph.cli import app

    monkeypatch.setattr("impactgraph.adapters.cache.RACY_SECONDS", -60.0)
    root = tmp_path / "shop"
    copy_fixture(SHOP, root)
    runner = CliRunner()
    first = json.loads(runner.invoke(app, ["index", str(root), "--format", "json"]).stdout)
    again = json.loads(runner.invoke(app, ["index", str(root), "--format", "json"]).stdout)
    assert again["files_read"] == 0 and again["cache_hits"] == first["files"]
    for key in ("files", "modules", "classes", "functions", "edges", "calls_edges",
                "unresolved_calls", "warnings"):
        assert again[key] == first[key], key


def _tree(*contents: str) -> list[tuple[str, str, bool, str]]:
    return [(f"m{i}.py", f"m{i}", False, c) for i, c in enumerate(contents)]


def test_closest_lists_the_stored_trees_that_differ_in_the_fewest_files_first(tmp_path: Path):
    store = GraphStore(tmp_path)
    graph = _shop_graph()
    near, far = _tree("a", "b", "c", "d"), _tree("x", "y", "c", "d")
    store.save(tree_key(near), graph, near)
    store.save(tree_key(far), graph, far)
    assert store.closest(_tree("a", "b", "c", "e"), 3) == [
        (tree_key(near), {"m3.py": "d"}),
        (tree_key(far), {"m0.py": "x", "m1.py": "y", "m3.py": "d"}),
    ]
    assert store.closest(_tree("a", "b", "c", "e"), 2) == [(tree_key(near), {"m3.py": "d"})]
    assert store.closest(_tree("x", "y", "z", "w"), 1) == []  # too many differ
    assert store.closest(_tree("a", "b", "c"), 3) == []  # another set of files
    assert store.closest(near, 3) == [(tree_key(far), {"m0.py": "x", "m1.py": "y"})]


def test_closest_ignores_a_tree_record_that_does_not_verify(tmp_path: Path):
    store = GraphStore(tmp_path)
    tree = _tree("a", "b")
    store.save(tree_key(tree), _shop_graph(), tree)
    record = tmp_path / ".impactgraph" / "graphs" / f"{tree_key(tree)}.files.json"
    text = record.read_text()
    assert store.closest(_tree("a", "c"), 2)
    record.write_text(text.replace('\\"a\\"', '\\"q\\"'))
    assert record.read_text() != text
    assert store.closest(_tree("a", "c"), 2) == []


def test_loading_records_the_tree_of_a_snapshot_saved_without_it(tmp_path: Path):
    store = GraphStore(tmp_path)
    tree = _tree("a", "b")
    store.save(tree_key(tree), _shop_graph())
    assert store.closest(_tree("a", "c"), 2) == []
    assert store.load(tree_key(tree), tree) is not None
    assert store.closest(_tree("a", "c"), 2) == [(tree_key(tree), {"m1.py": "b"})]


def test_a_cache_folder_made_again_by_the_store_ignores_itself(tmp_path: Path) -> None:
    # ``cache clear`` while a run went on: the store made .impactgraph/graphs/ again without
    # the .gitignore, and git offered the folder to commit
    from impactgraph.linker import link

    store = GraphStore(tmp_path)
    store.save("k" * 32, link([]))
    ignore = tmp_path / ".impactgraph" / ".gitignore"
    assert ignore.read_bytes().splitlines()[-1] == b"*"


def test_snapshots_of_the_old_format_are_removed_when_a_graph_is_saved(tmp_path: Path):
    """Snapshots were gzip'd JSON before they were ``marshal``: nothing reads those any more,
    so the first save removes them (with their counts and tree files), whatever their age."""
    store = GraphStore(tmp_path)
    graphs = tmp_path / ".impactgraph" / "graphs"
    old = tree_key([("a.py", "a", False, "2" * 40)])
    store.save(old, CodeGraph())
    legacy = [graphs / f"{old}.json.gz", graphs / f"{old}.counts.json",
              graphs / f"{old}.files.json"]
    (graphs / f"{old}{SNAPSHOT_SUFFIX}").rename(legacy[0])
    legacy[2].write_text("[]")
    assert all(path.exists() for path in legacy)
    key = tree_key([("a.py", "a", False, "1" * 40)])
    store.save(key, CodeGraph())
    assert not any(path.exists() for path in legacy)
    assert store.load(key) is not None
