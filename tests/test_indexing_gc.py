"""The linked graph of a command is kept out of the cyclic collector's reach (``link_kept``)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from impactgraph.app.indexing import index_directory, link_kept
from impactgraph.app.session import Session

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
