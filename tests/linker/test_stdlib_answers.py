"""What standard-library methods call on ``self`` (``linker.stdlib_self``) is worked out once
per interpreter and linker: a later run remembers the answers instead of parsing the standard
library again, and links the same graph with them."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from git_support import copy_fixture

from impactgraph.adapters.graph_store import STDLIB_FILE, GraphStore
from impactgraph.app.indexing import index_directory, link_kept
from impactgraph.app.session import Session
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph, link, stdlib_self
from impactgraph.linker.stdlib_self import SelfCalls, self_calls

linking = sys.modules["impactgraph.linker.link"]
SHOP = Path(__file__).resolve().parents[2] / "fixtures" / "shop"
TESTCASE = ("unittest.TestCase",)

SOURCE = textwrap.dedent("""
    import threading
    import unittest

    class Worker(threading.Thread):
        def run(self):
            self.work()

        def work(self):
            return 1

    class BookTest(unittest.TestCase):
        def setUp(self):
            self.book = 1

        def test_book(self):
            self.assertEqual(self.book, 1)
""")


@pytest.fixture(autouse=True)
def forgetful() -> Iterator[None]:
    """Every test starts with nothing remembered, worked out or cached in this process."""
    def forget() -> None:
        stdlib_self._remembered.clear()
        stdlib_self._made.clear()
        self_calls.cache_clear()

    forget()
    yield
    forget()


def state(graph: CodeGraph) -> tuple[Any, ...]:
    return (sorted(graph.graph.edges(keys=True, data=True)), graph.outside_hooks,
            sorted(graph.unresolved_sites), dict(graph.unresolved_names))


def unreadable(*_: object) -> None:
    raise AssertionError("the standard library's source was read again")


def test_a_remembered_answer_is_given_without_reading_the_source(
        monkeypatch: pytest.MonkeyPatch) -> None:
    worked_out = self_calls(TESTCASE, "assertEqual")
    assert worked_out is not None
    assert stdlib_self.made() == {(TESTCASE, "assertEqual"): worked_out}
    stdlib_self._made.clear()
    self_calls.cache_clear()
    monkeypatch.setattr(stdlib_self, "_self_calls", unreadable)
    stdlib_self.remember({(TESTCASE, "assertEqual"): worked_out, (TESTCASE, "run"): None})
    assert self_calls(TESTCASE, "assertEqual") == worked_out
    assert self_calls(TESTCASE, "run") is None
    assert stdlib_self.made() == {}  # nothing new to keep


def test_answers_round_trip_through_the_store(tmp_path: Path) -> None:
    store = GraphStore(tmp_path)
    assert store.stdlib_answers() == {}
    answers: dict[Any, SelfCalls | None] = {
        (TESTCASE, "run"): SelfCalls(frozenset({"run", "setUp"}),
                                     frozenset({"addTypeEqualityFunc"})),
        (("threading.Thread", "unittest.TestCase"), "start"): None,
    }
    store.save_stdlib_answers(answers)
    assert store.stdlib_answers() == answers


@pytest.mark.parametrize("damage", [
    lambda data: {**data, "answers": data["answers"].replace("setUp", "tearDown")},  # forged
    lambda data: {**data, "key": "0" * 32},  # another interpreter's
    lambda data: {**data, "answers": 3},
    lambda data: [],
])
def test_answers_that_do_not_verify_are_not_remembered(tmp_path: Path, damage: Any) -> None:
    store = GraphStore(tmp_path)
    store.save_stdlib_answers({(TESTCASE, "run"): SelfCalls(frozenset({"run", "setUp"}))})
    path = tmp_path / ".impactgraph" / "graphs" / STDLIB_FILE
    path.write_text(json.dumps(damage(json.loads(path.read_text()))))
    assert store.stdlib_answers() == {}
    path.write_bytes(b"\xff not json")
    assert store.stdlib_answers() == {}


def test_answers_are_kept_for_another_interpreter_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = GraphStore(tmp_path)
    store.save_stdlib_answers({(TESTCASE, "run"): None})
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert store.stdlib_answers() == {}


def test_a_link_with_remembered_answers_is_the_link_without(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summaries = [summarize(SOURCE, "app.work", "app/work.py")]
    store = GraphStore(tmp_path)
    first = state(link_kept(summaries, jobs=1, store=store))
    kept = store.stdlib_answers()
    assert any(bases == TESTCASE for bases, _ in kept)
    stdlib_self._remembered.clear()
    stdlib_self._made.clear()
    self_calls.cache_clear()
    monkeypatch.setattr(stdlib_self, "_self_calls", unreadable)
    assert state(link_kept(summaries, jobs=1, store=store)) == first
    assert store.stdlib_answers() == kept


@pytest.mark.skipif(sys.platform != "linux" or not hasattr(os, "fork"),
                    reason="the sites are forked on Linux")
def test_answers_worked_out_by_forked_linkers_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # the second module's sites are linked by a forked copy: what it worked out comes back
    summaries = [summarize("def helper():\n    return len([])\n", "app.a", "app/a.py"),
                 summarize(SOURCE, "app.work", "app/work.py")]
    link(summaries, jobs=1)
    alone = stdlib_self.made()
    stdlib_self._made.clear()
    stdlib_self._remembered.clear()
    self_calls.cache_clear()
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    monkeypatch.setattr(linking, "OWN_SHARE", 0.01)
    before = linking.forks
    link(summaries, jobs=2)
    assert linking.forks == before + 1
    assert stdlib_self.made() == alone


def test_a_relinked_tree_reads_no_standard_library(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from impactgraph.adapters.cache import SummaryCache

    root = tmp_path / "shop"
    copy_fixture(SHOP, root)
    module = root / "packages" / "catalog" / "src" / "catalog" / "worker.py"
    module.write_text(SOURCE)
    with SummaryCache.open(root) as cache:
        index_directory(root, session=Session(cache, 1))
    self_calls.cache_clear()
    stdlib_self._remembered.clear()
    stdlib_self._made.clear()
    module.write_text(SOURCE + "\n\ndef added():\n    return 2\n")  # new facts: linked again
    with monkeypatch.context() as patch:
        patch.setattr(stdlib_self, "_self_calls", unreadable)
        with SummaryCache.open(root) as cache:
            touched = index_directory(root, session=Session(cache, 1))
    assert stdlib_self.made() == {}
    self_calls.cache_clear()
    stdlib_self._remembered.clear()
    assert state(touched.graph) == state(link(touched.summaries, jobs=1))
