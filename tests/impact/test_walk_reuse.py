"""Two changes of one symbol (its body and a parameter) walk the same states: the second walk
is the first one's states with its own verdicts, exactly what a walk of its own finds."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import graph_of, summaries_of

from impactgraph.diff import diff_summaries
from impactgraph.impact.traverse import ImpactAnalysis, State, Walk
from impactgraph.linker import CodeGraph
from impactgraph.model import ChangeKind

BASE = {
    "lib.py": """
        def fetch(key, default=None):
            return key or default

        class Base:
            def run(self, x, y=None):
                return x

        class Sub(Base):
            def run(self, x, y=None):
                return y
        """,
    "a.py": """
        from lib import fetch, Sub

        def ok(k):
            return fetch(k)

        def broken(k):
            return fetch(k, None)

        def runs(s: Sub):
            return s.run(1)
        """,
    "b.py": """
        from lib import fetch
        from a import ok, broken

        VALUE = fetch("x", 1)

        def outer():
            return ok(1), broken(2)
        """,
    "c.py": """
        import b

        def top():
            return b.outer()
        """,
}
HEAD = {
    **BASE,
    "lib.py": BASE["lib.py"]
    .replace("def fetch(key, default=None):\n            return key or default",
             "def fetch(key):\n            return key")
    .replace("def run(self, x, y=None):\n                return x",
             "def run(self, x):\n                return -x"),
}


def _state(walk: Walk) -> tuple[object, ...]:
    return walk.depth, walk.parent, walk.broken, walk.held


def test_walks_reused_between_changes_are_those_of_walks_of_their_own() -> None:
    base, head = graph_of(BASE), graph_of(HEAD)
    changes = diff_summaries({s.module: s for s in summaries_of(BASE)},
                             {s.module: s for s in summaries_of(HEAD)})
    kinds = {(c.symbol, c.kind) for c in changes}
    assert ("lib:fetch", ChangeKind.BODY_CHANGED) in kinds
    assert ("lib:fetch", ChangeKind.PARAMETER_REMOVED) in kinds
    assert ("lib:Base.run", ChangeKind.PARAMETER_REMOVED) in kinds
    shared = ImpactAnalysis(base, head, changes=changes)
    found: list[tuple[Walk, Walk]] = []
    for change in changes:  # as ``analyse`` does: each walk's import-time breaks added to it
        walks = shared.walks(change)
        alone_analysis = ImpactAnalysis(base, head, changes=changes)
        alone = alone_analysis.walks(change)
        assert len(walks) == len(alone)
        for walk, other in zip(walks, alone, strict=True):
            shared.import_breaks(walk)
            alone_analysis.import_breaks(other)
            found.append((walk, other))
    made = len(found)
    for walk, other in found:
        assert _state(walk) == _state(other)
    # b's module-level call breaks at import time: c, importing b, is reached that way
    assert any(state[0] == "c" for walk, _ in found for state in walk.depth)
    # the walks of fetch's two changes were made once per graph, and were not empty
    assert len(shared._walked) < made
    fetch_walks = [w for c in changes if c.symbol == "lib:fetch" for w in shared.walks(c)]
    assert all(len(w.depth) > 2 for w in fetch_walks)
    assert any("a:broken" in w.broken for w in fetch_walks)


CLIMB_BASE = {
    "lib.py": """
        def fetch(key, default=None):
            return key or default
        """,
    "users.py": """
        from lib import fetch

        def one(k):
            return fetch(k, 1)

        def two(k):
            return fetch(k, 2)

        def both(k):
            return one(k), two(k)

        def outer(k):
            return both(k)
        """,
    "meta.py": """
        from users import both, outer, two

        class Meta(type):
            def __new__(mcs, name, bases, ns):
                outer(name)
                return super().__new__(mcs, name, bases, ns)

        class Model(metaclass=Meta):
            pass

        VALUE = two(1)
        """,
    "app.py": """
        import meta

        def run():
            return meta.VALUE
        """,
}
CLIMB_HEAD = {**CLIMB_BASE, "lib.py": "def fetch(key):\n    return key\n"}


def test_climbs_from_broken_functions_share_what_they_met(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Module code reached from several broken functions (one, two, through both and outer) is
    found once: the same states, parents and verdicts as one climb per broken function."""
    import impactgraph.impact.traverse as traverse

    base, head = graph_of(CLIMB_BASE), graph_of(CLIMB_HEAD)
    changes = diff_summaries({s.module: s for s in summaries_of(CLIMB_BASE)},
                             {s.module: s for s in summaries_of(CLIMB_HEAD)})

    last: list[Walk] = []

    def walked() -> list[tuple[object, ...]]:
        analysis = ImpactAnalysis(base, head, changes=changes)
        found = []
        last.clear()
        for change in changes:
            for walk in analysis.walks(change):
                analysis.import_breaks(walk)
                found.append(_state(walk))
                last.append(walk)
        return found

    shared = walked()
    original = traverse.import_time_callers

    def alone(walk: Walk, start: State, max_depth: int | None, calls: dict[str, set[str]],
              in_head: Callable[[str, str], bool] | None = None,
              seen: set[State] | None = None,
              skip_generated: bool = False,
              runs_body: Callable[[CodeGraph, str, str], bool] | None = None) -> list[State]:
        # a climb of its own
        return original(walk, start, max_depth, calls, in_head,
                        skip_generated=skip_generated, runs_body=runs_body)

    monkeypatch.setattr(traverse, "import_time_callers", alone)
    assert walked() == shared
    reached = [(set(walk.depth), walk.broken) for walk in last]
    assert any("meta" in broken and "app" in {node.split(":")[0] for node, _, _ in states}
               for states, broken in reached)
