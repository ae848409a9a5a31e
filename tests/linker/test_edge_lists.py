"""An edge's ``recv`` entries stay sorted and unique, and its ``sites`` unique in the order
first added, however many calls add them (past ``LONG_EDGE_LISTS`` they are looked up in a
set kept beside the list instead of searched and sorted again: a base class's method called
on ``self`` gains an entry per subclass)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from impactgraph.linker import CodeGraph
from impactgraph.linker.graph import LONG_EDGE_LISTS
from impactgraph.model import EdgeKind

entry = st.tuples(st.sampled_from([f"m:C{i}" for i in range(40)]),
                  st.sampled_from(["self", "", "m:C0"]))
call = st.tuples(st.one_of(st.none(), st.lists(entry, max_size=6)),  # None: receivers unknown
                 st.one_of(st.none(), st.integers(0, 60)), st.booleans())


@settings(max_examples=200, deadline=None)
@given(st.lists(call, min_size=1, max_size=80))
def test_receivers_and_sites_are_what_every_call_added(calls: list[tuple[
        list[tuple[str, str]] | None, int | None, bool]]) -> None:
    graph = CodeGraph()
    known: set[tuple[str, str]] | None = set()
    sites: list[list[object]] = []
    for number, (recv, site, bound) in enumerate(calls):
        graph.add_edge("m:f", "m:g", EdgeKind.CALLS, recv=recv, site=site, bound=bound)
        if known is not None:
            known = known | set(recv) if recv and (number == 0 or known) else None
        if site is not None and [site, bound] not in sites:
            sites.append([site, bound])
    data = graph.edge_data("m:f", "m:g", EdgeKind.CALLS)
    if known:
        assert data["recv"] == sorted([given, receiver] for given, receiver in known)
    else:
        assert "recv" not in data
    assert data.get("sites", []) == sites


def test_a_long_list_gains_only_new_entries() -> None:
    graph = CodeGraph()
    for i in range(3 * LONG_EDGE_LISTS):
        graph.add_edge("m:f", "m:g", EdgeKind.CALLS, recv=[(f"m:C{i % 25:02}", "self")],
                       site=i % 40)
    data = graph.edge_data("m:f", "m:g", EdgeKind.CALLS)
    assert data["recv"] == [[f"m:C{i:02}", "self"] for i in range(25)]
    assert data["sites"] == [[i, False] for i in range(40)]
