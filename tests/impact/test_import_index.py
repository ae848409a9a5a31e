"""Who imports whom (``select_tests._ImportIndex``) is read from each graph's record of its
modules' running imports (``CodeGraph.module_imports``, kept in snapshots), which gives what
reading every summary gave, without decoding them (2,659 summaries on Django's sdist)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from helpers import graph_of

from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
from impactgraph.impact.select_tests import _ImportIndex
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict
from impactgraph.model import FileSummary

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize("fixture", ["shop", "flat"])
def test_the_recorded_imports_give_what_the_summaries_give(fixture: str) -> None:
    linked = index_directory(FIXTURES / fixture, session=Session(jobs=1)).graph
    stored = graph_from_dict(json.loads(json.dumps(graph_to_dict(linked))))
    assert stored is not None and stored.module_imports == linked.module_imports
    unrecorded = copy.copy(linked)
    unrecorded.module_imports = {}  # a graph stored before: the summaries are read
    by_summaries = _ImportIndex([unrecorded])._index()
    assert by_summaries  # the fixture's modules import one another
    assert _ImportIndex([linked])._index() == by_summaries
    stored.summaries = Undecodable(linked.summaries)  # the names only
    assert _ImportIndex([stored])._index() == by_summaries


class Undecodable(dict[str, FileSummary]):
    def __getitem__(self, module: str) -> FileSummary:
        raise AssertionError(f"decoded the summary of {module}")


def test_imports_for_type_checkers_only_are_not_recorded() -> None:
    graph = graph_of({
        "pkg/__init__.py": "",
        "pkg/a.py": "X = 1\n",
        "pkg/b.py": "Y = 2\n",
        "pkg/c.py": """
            from typing import TYPE_CHECKING

            from pkg.a import X

            if TYPE_CHECKING:
                from pkg.b import Y
        """,
    })
    assert graph.module_imports["pkg.c"] == ("typing.TYPE_CHECKING", "pkg.a.X")
    index = _ImportIndex([graph])._index()
    assert "pkg.c" in index["pkg.a"] and "pkg.c" not in index.get("pkg.b", set())
