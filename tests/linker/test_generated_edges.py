"""A call edge whose every site is a call in source the code generates (a string that reads
like code calling the target, in a code base that ``exec``s what it builds) is marked
``generated``: no call the source's own code runs makes it. A written call of the same target
from the same function clears the mark; stored graphs and forked linkers keep it."""

from __future__ import annotations

import os
import sys

import pytest
from helpers import graph_of, summaries_of

import impactgraph.linker.link  # noqa: F401 - the module, for its settings
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict
from impactgraph.model import EdgeKind

linking = sys.modules["impactgraph.linker.link"]  # the package's ``link`` is the function

FILES = {
    "engine.py": """
        def connect(url):
            return url


        def build(source):
            namespace = {}
            exec(source, namespace)
            return namespace
    """,
    "options.py": """
        from engine import connect


        def message(kw):
            if "level" in kw:
                raise ValueError("pass level to connect() instead")
            return kw


        def both(kw):
            if not kw:
                raise ValueError("call connect() first")
            return connect(kw)


        def written(url):
            return connect(url)
    """,
}


def generated(graph, source: str, target: str) -> bool:
    return bool(graph.edge_data(source, target, EdgeKind.CALLS).get("generated"))


def test_only_calls_in_generated_source_mark_the_edge() -> None:
    graph = graph_of(FILES)
    assert graph.has_edge("options:message", "engine:connect", EdgeKind.CALLS)
    assert generated(graph, "options:message", "engine:connect")
    assert not generated(graph, "options:both", "engine:connect")  # also written
    assert not generated(graph, "options:written", "engine:connect")


def test_the_mark_is_kept_by_a_stored_graph() -> None:
    stored = graph_from_dict(graph_to_dict(graph_of(FILES)))
    assert stored is not None
    assert generated(stored, "options:message", "engine:connect")
    assert not generated(stored, "options:both", "engine:connect")


@pytest.mark.skipif(sys.platform != "linux" or not hasattr(os, "fork"),
                    reason="the sites are forked on Linux")
def test_forked_linkers_mark_the_same_edges(monkeypatch: pytest.MonkeyPatch) -> None:
    summaries = summaries_of(FILES)
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    monkeypatch.setattr(linking, "MAX_LINKERS", len(summaries))
    monkeypatch.setattr(linking, "OWN_SHARE", 0.01)  # this process: engine.py alone
    before = linking.forks
    graph = linking.link(summaries, jobs=len(summaries))  # options.py: the second process
    assert linking.forks > before
    assert generated(graph, "options:message", "engine:connect")
    assert not generated(graph, "options:both", "engine:connect")
