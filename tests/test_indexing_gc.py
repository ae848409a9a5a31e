"""The linked graph of a command is kept out of the cyclic collector's reach (``link_kept``),
and the impact walks run with the collector paused (``build_report``)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest
from git_support import commit, copy_fixture, init_repo

from impactgraph.app import pipeline
from impactgraph.app.indexing import index_directory, link_kept
from impactgraph.app.session import Session
from impactgraph.impact.analyse import analyse

SHOP = Path(__file__).resolve().parent.parent / "fixtures" / "shop"


def _in_a_generation(obj: object) -> bool:
    return any(o is obj for generation in range(3) for o in gc.get_objects(generation))


def test_the_linked_graph_is_frozen_not_scanned_by_later_collections() -> None:
    graph = index_directory(SHOP, session=Session(jobs=1)).graph
    adjacency = graph.graph._adj  # a networkx graph's own dict of dicts, made by the link
    assert gc.is_tracked(adjacency)
    assert not _in_a_generation(adjacency)  # frozen: out of every generation


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_in_cycles_before_the_link_is_collected_not_frozen() -> None:
    summaries = index_directory(SHOP, session=Session(jobs=1)).summaries
    collecting = gc.isenabled()
    gc.disable()  # no collection may happen by chance between the garbage and the link
    try:
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        assert gone() is not None  # garbage, waiting for the collector
        link_kept(summaries)
        assert gone() is None
    finally:
        if collecting:
            gc.enable()


def test_summaries_made_in_this_process_are_frozen_and_their_garbage_collected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from impactgraph.app import indexing

    files = list(SHOP.rglob("*.py"))
    assert 2 * indexing.COLLECT_EVERY > len(files) > indexing.COLLECT_EVERY  # collected midway
    made = indexing._summarize_chunk
    garbage: list[weakref.ref[_Cycle]] = []

    def summarize_leaving_a_cycle(*args: Any) -> Any:
        garbage.append(weakref.ref(_Cycle()))  # as astroid's trees are: garbage in a cycle
        return made(*args)

    monkeypatch.setattr(indexing, "_summarize_chunk", summarize_leaving_a_cycle)
    summaries = index_directory(SHOP, session=Session(jobs=1)).summaries
    assert len(garbage) == len(files) == len(summaries)
    assert all(gone() is None for gone in garbage)  # collected, not frozen for good
    assert all(gc.is_tracked(s) and not _in_a_generation(s) for s in summaries)


def test_the_impact_walks_run_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base", tag="base")
    search = root / "packages/catalog/src/catalog/search.py"
    search.write_text(search.read_text(encoding="utf-8") + "\n\ndef added():\n    return 1\n",
                      encoding="utf-8")
    collecting: list[bool] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        collecting.append(gc.isenabled())
        return analyse(*args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse", recording)
    assert gc.isenabled()
    report = pipeline.build_report(root, "base", None)
    assert report.changes  # the walks had something to walk
    assert collecting == [False]
    assert gc.isenabled()  # and it runs again after
