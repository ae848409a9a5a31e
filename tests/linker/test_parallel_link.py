"""Linking the call sites in several processes gives the graph one process gives: the same
edges with the same attributes in the same order, the same unresolved and outside calls
(``linker.link._link_sites``)."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import summaries_of

from impactgraph.adapters.fs import iter_python_files
from impactgraph.config import load_config
from impactgraph.discovery import discover
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph, link
from impactgraph.model import FileSummary

ROOT = Path(__file__).resolve().parents[2]
linking = sys.modules["impactgraph.linker.link"]

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not hasattr(os, "fork"), reason="the sites are forked on Linux"
)


def tree_summaries(root: Path, under: str = "") -> list[FileSummary]:
    config = load_config(root)
    return [
        summarize((root / found.path).read_text(encoding="utf-8"), found.module, found.path)
        for found in discover(iter_python_files(root), config.source_roots, config.exclude)
        if found.path.startswith(under)
    ]


def state(graph: CodeGraph) -> tuple[Any, ...]:
    """Everything the graph holds, in the order it holds it."""
    return (
        list(graph.graph.nodes(data=True)), list(graph.graph.edges(keys=True, data=True)),
        list(graph.external_calls.items()), list(graph.programs.items()),
        graph.unresolved_calls, graph.unresolved_sites, list(graph.unresolved_names.items()),
        list(graph.gave_up_names.items()), graph.unbounded_sites, graph.outside_hooks,
        graph.warnings,
    )


@pytest.fixture(scope="module")
def own_source() -> list[FileSummary]:
    """This project's own package: a few hundred modules, every kind of site the linker has."""
    return tree_summaries(ROOT, "impactgraph/")


@pytest.fixture(scope="module")
def alone(own_source: list[FileSummary]) -> tuple[Any, ...]:
    return state(link(own_source, jobs=1))


@pytest.mark.parametrize("jobs", [2, 3, 4])
def test_forked_linkers_give_the_graph_of_one(
    own_source: list[FileSummary], alone: tuple[Any, ...], jobs: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    before = linking.forks
    together = state(link(own_source, jobs=jobs))
    assert linking.forks - before == jobs - 1
    assert together == alone


def test_the_shop_fixture_split_module_by_module(monkeypatch: pytest.MonkeyPatch) -> None:
    summaries = tree_summaries(ROOT / "fixtures" / "shop")
    alone = state(link(summaries, jobs=1))
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    monkeypatch.setattr(linking, "MAX_LINKERS", len(summaries))
    before = linking.forks
    assert state(link(summaries, jobs=len(summaries))) == alone
    assert linking.forks - before >= 2


def test_a_linker_that_fails_leaves_its_part_to_this_process(
    own_source: list[FileSummary], alone: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("lost")

    # only the forked processes log edges: each fails, and this process links its part
    monkeypatch.setattr(linking._GraphLog, "add_edge", broken)
    assert state(link(own_source, jobs=2)) == alone


def test_one_job_small_trees_and_one_cpu_link_here(
    own_source: list[FileSummary], monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert linking._parts(own_source, 1) == [(0, len(own_source))]
    shop = tree_summaries(ROOT / "fixtures" / "shop")
    assert linking._parts(shop, None) == [(0, len(shop))]  # too few sites to be worth a fork
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert linking._parts(own_source, None) == [(0, len(own_source))]
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7})
    parts = linking._parts(own_source, None)
    assert len(parts) == linking.MAX_LINKERS
    assert parts[0][0] == 0 and parts[-1][1] == len(own_source)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))


MAIN_BLOCKS = {
    "pkg/__init__.py": "",
    "pkg/core.py": """
        import os

        def helper(x):
            return os.path.join(x, "a")

        def run(obj):
            obj.unknown_method()
            return helper(obj)

        if __name__ == "__main__":
            run(1)
    """,
    "pkg/cli.py": """
        from pkg.core import helper, run

        def main():
            helper("x")
            return run(None)

        if __name__ == "__main__":
            main()
            helper("y")
    """,
    "pkg/more.py": """
        from pkg.cli import main
        from pkg.core import run

        def go(thing):
            getattr(thing, "x" + thing.name)()
            return main() or run(thing)

        if __name__ == "__main__":
            go(None)
    """,
}


def test_main_blocks_and_unresolved_calls_split_module_by_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summaries = summaries_of(MAIN_BLOCKS)
    alone = state(link(summaries, jobs=1))
    assert any(data.get("main") for _, _, _, data in alone[1])  # the case is in the tree
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    monkeypatch.setattr(linking, "MAX_LINKERS", len(summaries))
    assert state(link(summaries, jobs=len(summaries))) == alone


KILLED_PARENT = """
import os, sys, time
from pathlib import Path
sys.path[:0] = [sys.argv[1], str(Path(sys.argv[1]).parent)]
from test_parallel_link import tree_summaries
from impactgraph.linker import link
linking = sys.modules["impactgraph.linker.link"]
linking.PARALLEL_MIN_SITES = 1
summaries = tree_summaries(Path(sys.argv[2]), "impactgraph/")

def slow(*args, **kwargs):  # only the forked linkers log edges
    print("linking", os.getpid(), flush=True)
    time.sleep(120)

linking._GraphLog.add_edge = slow
link(summaries, jobs=2)
"""


def test_a_forked_linker_ends_with_the_process_that_forked_it(tmp_path: Path) -> None:
    """``kill -9`` of the main process takes its forked linkers with it (README: no
    leftovers)."""
    import signal
    import subprocess
    import time

    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_PARENT, str(Path(__file__).parent), str(ROOT)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("linking"), line
        child = int(line.split()[1])
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(child):
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _alive(pid: int) -> bool:
    """Is ``pid`` a process that has not ended (a zombie has)?"""
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_no_process_to_be_had_links_the_part_here(
    own_source: list[FileSummary], alone: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fork that fails (EAGAIN: a process limit reached) is no error: this process links
    that part, after the parts before it."""
    monkeypatch.setattr(linking, "PARALLEL_MIN_SITES", 1)
    real_fork = os.fork
    calls: list[int] = []

    def fork() -> int:
        calls.append(1)
        if len(calls) == 2:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    before = linking.forks
    assert state(link(own_source, jobs=4)) == alone
    assert len(calls) == 3 and linking.forks - before == 2
