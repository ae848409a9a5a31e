"""``reach_bits``: what a node reaches, as bits over strongly connected parts, is what a
breadth-first walk from it finds, for every node of a graph with cycles, asked in any order
and from several starts at once (a test file's process imports from its module and its
conftests)."""

from __future__ import annotations

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from impactgraph.impact import reach_bits

NODES = [f"m{i}" for i in range(12)]


def walked(edges: dict[str, list[str]], start: list[str]) -> set[str]:
    found: set[str] = set()
    queue = deque(start)
    while queue:
        node = queue.popleft()
        if node not in found:
            found.add(node)
            queue.extend(edges.get(node, ()))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=30),
       st.lists(st.lists(st.sampled_from(NODES), min_size=1, max_size=3), min_size=1,
                max_size=12))
def test_the_bits_are_what_a_walk_finds(pairs: list[tuple[str, str]],
                                         starts: list[list[str]]) -> None:
    edges: dict[str, list[str]] = {}
    for source, target in pairs:
        edges.setdefault(source, []).append(target)
    done: dict[str, int] = {}  # shared by every question, as the rules share it
    for start in starts:
        bits = 0
        for node in start:
            reach_bits.close(node, lambda n: edges.get(n, ()),
                             lambda n: 1 << NODES.index(n), done)
            bits |= done[node]
        assert {NODES[p] for p in reach_bits.positions(bits)} == walked(edges, start)


def test_positions_lowest_first() -> None:
    assert list(reach_bits.positions(0)) == []
    assert list(reach_bits.positions(0b101001)) == [0, 3, 5]
    assert list(reach_bits.positions(1 << 300)) == [300]
