"""summarize_files and index_directory: cache hits read nothing, workers change nothing."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from git_support import copy_fixture
from typer.testing import CliRunner, Result

from impactgraph.adapters import cache as cache_module
from impactgraph.adapters.cache import SummaryCache, cache_dir
from impactgraph.adapters.fs import iter_python_files, read_source
from impactgraph.adapters.git import blob_id
from impactgraph.app import indexing, indexing_worker
from impactgraph.app.indexing import index_directory, summarize_files
from impactgraph.app.session import Session
from impactgraph.cli import app
from impactgraph.discovery import SourceFile, discover
from impactgraph.errors import InputError
from impactgraph.indexer import summarize_bytes
from impactgraph.linker import link
from impactgraph.model import FileSummary

REPO = Path(__file__).resolve().parent.parent
SHOP = REPO / "fixtures" / "shop"
BROKEN = REPO / "fixtures" / "broken"

SOURCES = {
    "pkg/__init__.py": b"from pkg.core import run\n",
    "pkg/core.py": b"def run(x):\n    return helper(x)\n\ndef helper(x):\n    return x\n",
    "pkg/broken.py": b"def oops(:\n",
    "pkg/gone.py": b"",
}


class CountingReader:
    """A reader over an in-memory tree that counts what it is asked for."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.reads: Counter[str] = Counter()

    def __call__(self, path: str) -> bytes:
        self.reads[path] += 1
        if path not in self.files:
            raise InputError(f"cannot read: {path}", path)
        return self.files[path]


Tree = tuple[list[SourceFile], dict[str, bytes]]


@pytest.fixture()
def tree() -> Tree:
    files = discover(SOURCES)
    contents = {p: c for p, c in SOURCES.items() if p != "pkg/gone.py"}
    return files, contents


def expected(files: list[SourceFile], contents: dict[str, bytes]) -> list[FileSummary]:
    return [summarize_bytes(contents[f.path], f.module, f.path) for f in files
            if f.path in contents]


def test_without_a_cache_every_file_is_summarised_in_order(tree: Tree) -> None:
    files, contents = tree
    summaries, warnings = summarize_files(files, CountingReader(contents), session=Session(jobs=1))
    assert summaries == expected(files, contents)
    assert [w.path for w in warnings] == ["pkg/gone.py"]


def test_a_cache_hit_with_a_known_content_id_reads_nothing(tmp_path: Path, tree: Tree) -> None:
    files, contents = tree
    ids = {p: blob_id(c) for p, c in contents.items()}
    with SummaryCache.open(tmp_path) as cache:
        first, _ = summarize_files(files, CountingReader(contents), content_ids=ids,
                                   session=Session(cache))
        assert cache.stats.misses == 3  # the unreadable file has an id but no summary
    reader = CountingReader(contents)
    with SummaryCache.open(tmp_path) as cache:
        second, warnings = summarize_files(files, reader, content_ids=ids, session=Session(cache))
        assert cache.stats.hits == 3
    assert second == first == expected(files, contents)
    assert reader.reads == Counter({"pkg/gone.py": 1})  # only the one never summarised
    assert [w.path for w in warnings] == ["pkg/gone.py"]


def test_without_content_ids_a_hit_reads_but_does_not_summarise(
    tmp_path: Path, tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, contents = tree
    with SummaryCache.open(tmp_path) as cache:
        summarize_files(files, CountingReader(contents), session=Session(cache, 1))
    calls: list[str] = []

    def counting_summarize(data: bytes, module: str, path: str) -> FileSummary:
        calls.append(path)
        return summarize_bytes(data, module, path)

    monkeypatch.setattr(indexing_worker, "summarize_bytes", counting_summarize)
    with SummaryCache.open(tmp_path) as cache:
        summaries, _ = summarize_files(files, CountingReader(contents), session=Session(cache, 1))
        assert (cache.stats.hits, cache.stats.misses) == (3, 0)
    assert calls == []
    assert summaries == expected(files, contents)


def test_a_miss_summarises_only_the_changed_file(
    tmp_path: Path, tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, contents = tree
    with SummaryCache.open(tmp_path) as cache:
        summarize_files(files, CountingReader(contents), session=Session(cache, 1))
    changed = {**contents, "pkg/core.py": contents["pkg/core.py"] + b"\ndef more():\n    pass\n"}
    calls: list[str] = []

    def counting_summarize(data: bytes, module: str, path: str) -> FileSummary:
        calls.append(path)
        return summarize_bytes(data, module, path)

    monkeypatch.setattr(indexing_worker, "summarize_bytes", counting_summarize)
    with SummaryCache.open(tmp_path) as cache:
        summaries, _ = summarize_files(files, CountingReader(changed), session=Session(cache, 1))
    assert calls == ["pkg/core.py"]
    assert summaries == expected(files, changed)


def test_the_same_content_under_a_new_path_gets_its_path(tmp_path: Path) -> None:
    old = [SourceFile("src/pkg/core.py", "pkg.core", False)]
    new = [SourceFile("pkg/core.py", "pkg.core", False)]
    data = SOURCES["pkg/core.py"]
    with SummaryCache.open(tmp_path) as cache:
        summarize_files(old, CountingReader({"src/pkg/core.py": data}), session=Session(cache))
    with SummaryCache.open(tmp_path) as cache:
        moved, _ = summarize_files(new, CountingReader({"pkg/core.py": data}),
                                   session=Session(cache))
        assert cache.stats.hits == 1
    assert moved == [summarize_bytes(data, "pkg.core", "pkg/core.py")]


def test_corrupt_entries_are_rebuilt(tmp_path: Path, tree: Tree) -> None:
    import sqlite3

    files, contents = tree
    with SummaryCache.open(tmp_path) as cache:
        summarize_files(files, CountingReader(contents), session=Session(cache))
    with sqlite3.connect(cache_dir(tmp_path) / "cache.sqlite3") as db:
        db.execute("UPDATE summaries SET data = substr(data, 1, 10)")
    with SummaryCache.open(tmp_path) as cache:
        summaries, _ = summarize_files(files, CountingReader(contents), session=Session(cache))
        assert cache.stats.hits == 0
    assert summaries == expected(files, contents)
    with SummaryCache.open(tmp_path) as cache:
        summarize_files(files, CountingReader(contents), session=Session(cache))
        assert cache.stats.hits == 3


def own_source() -> tuple[list[SourceFile], dict[str, bytes]]:
    paths = [p for p in iter_python_files(REPO)
             if p.startswith(("impactgraph/", "fixtures/"))]
    files = discover(paths)
    return files, {f.path: read_source(REPO, f.path) for f in files}


def test_the_number_of_workers_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, contents = own_source()
    assert len(files) > 60
    monkeypatch.setattr(indexing, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(indexing, "MAX_CHUNK", 3)  # many chunks, finishing out of order
    one, warnings_one = summarize_files(files, contents.__getitem__, session=Session(jobs=1))
    with SummaryCache.open(tmp_path) as cache:  # the workers serialize for the cache too
        two, warnings_two = summarize_files(files, contents.__getitem__, session=Session(cache, 2))
    assert two == one
    assert warnings_two == warnings_one
    assert link(two).counts() == link(one).counts()
    with SummaryCache.open(tmp_path) as cache:
        again, _ = summarize_files(files, contents.__getitem__, session=Session(cache, 2))
        assert cache.stats.hits == len(files)
    assert again == one


class DeadPool:
    """A worker pool whose every worker has died."""

    def submit(self, *args: object) -> object:
        raise BrokenProcessPool("a worker was killed")

    def shutdown(self, **kwargs: object) -> None:
        pass


def test_a_dead_worker_pool_is_finished_in_process(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, contents = tree

    monkeypatch.setattr(indexing, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(indexing, "_pool", lambda workers, lifeline, api_only=False: DeadPool())
    summaries, _ = summarize_files(files, CountingReader(contents), session=Session(jobs=2))
    assert summaries == expected(files, contents)


def _in_process_with_collector_watched(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every file summarised in this process (the pool dies at once), and for each chunk
    whether the collector ran while it was summarised."""
    collecting: list[bool] = []
    in_process = indexing._summarize_chunk

    def summarize_chunk(*args: Any) -> Any:
        collecting.append(gc.isenabled())
        return in_process(*args)

    monkeypatch.setattr(indexing, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(indexing, "_pool", lambda workers, lifeline, api_only=False: DeadPool())
    monkeypatch.setattr(indexing, "_summarize_chunk", summarize_chunk)
    return collecting


def test_what_a_dead_pool_left_is_summarised_with_the_collector_running(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The main process pauses its collector while workers summarise; astroid's trees are
    cycles, so the files summarised here after all must not be made under that pause."""
    files, contents = tree
    collecting = _in_process_with_collector_watched(monkeypatch)
    assert gc.isenabled()
    summaries, _ = summarize_files(files, CountingReader(contents), session=Session(jobs=2))
    assert summaries == expected(files, contents)
    assert collecting and all(collecting)
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_does_not_pause_it_for_what_is_summarised_here(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The impact walks run with the collector paused (``pipeline.build_report``), and may
    summarise a file they read: astroid's trees made then are collected as ever."""
    from impactgraph.adapters.gc_pause import collector_paused

    files, contents = tree
    collecting = _in_process_with_collector_watched(monkeypatch)
    with collector_paused(freeze=False):
        summaries, _ = summarize_files(files, CountingReader(contents), session=Session(jobs=2))
        assert not gc.isenabled()  # the caller's pause, as it was
    assert summaries == expected(files, contents)
    assert collecting and all(collecting)
    assert gc.isenabled()


# -- index_directory on a working tree -------------------------------------------------------


@pytest.fixture()
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "shop"
    copy_fixture(SHOP, root)
    # The copies were written just now: "racily clean" for the stat index; say they are not.
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)
    return root


def test_a_second_run_over_an_unchanged_tree_reads_no_file(shop: Path) -> None:
    with SummaryCache.open(shop) as cache:
        cold = index_directory(shop, session=Session(cache, 1))
    assert cold.files_read == len(cold.files) > 20
    with SummaryCache.open(shop) as cache:
        warm = index_directory(shop, session=Session(cache, 1))
    assert warm.files_read == 0
    assert warm.cache_hits == len(warm.files)
    assert warm.summaries == cold.summaries
    assert warm.graph.counts() == cold.graph.counts() == index_directory(shop).graph.counts()


def test_touching_one_file_resummarises_it_alone(shop: Path) -> None:
    with SummaryCache.open(shop) as cache:
        index_directory(shop, session=Session(cache, 1))
    target = shop / "packages/orders/src/orders/service.py"
    with target.open("a") as stream:
        stream.write("\n\ndef added_for_the_test():\n    return 1\n")
    with SummaryCache.open(shop) as cache:
        result = index_directory(shop, session=Session(cache, 1))
    assert result.files_read == 1
    assert result.cache_misses == 1
    assert "orders.service:added_for_the_test" in result.graph
    # A touch that changes nothing but the timestamp re-reads the file and hits the cache.
    os.utime(target, (time.time() - 30, time.time() - 30))
    with SummaryCache.open(shop) as cache:
        again = index_directory(shop, session=Session(cache, 1))
    assert (again.files_read, again.cache_misses) == (1, 0)


# -- the command line ------------------------------------------------------------------------


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def counts_of(output: str) -> dict[str, str]:
    return dict(line.split(None, 1) for line in output.splitlines() if line[:1].isalpha())


def test_index_prints_counts_and_fills_the_cache(shop: Path) -> None:
    result = run("index", str(shop), "--jobs", "1")
    assert result.exit_code == 0, result.output
    counts = counts_of(result.stdout)
    assert counts["files"] == "31"
    assert int(counts["functions"]) > 50
    assert counts["cache"].startswith("0 hits, 31 misses")
    again = run("index", str(shop))
    assert counts_of(again.stdout)["cache"].startswith("31 hits, 0 misses, 0 files read")
    assert counts_of(again.stdout)["edges"] == counts["edges"]


def test_index_json_and_no_cache(shop: Path) -> None:
    import json

    result = run("index", str(shop), "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["cache"] == "off"
    assert counts["files_read"] == counts["files"] == 31
    assert not cache_dir(shop).exists()


def test_index_lists_files_that_failed_on_stderr(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(BROKEN, root)
    result = run("index", str(root))
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    # as every command says a warning (the graph command did; index wrote the bare path)
    assert any(line.startswith("impactgraph: warning: bad_syntax.py: syntax error")
               for line in lines)
    assert counts_of(result.stdout)["warnings"] == str(len(lines))


@pytest.mark.parametrize("make", ["missing", "file"])
def test_index_of_a_bad_path_is_exit_3_in_one_line(tmp_path: Path, make: str) -> None:
    path = tmp_path / "nothing"
    if make == "file":
        path.write_text("x = 1\n")
    for command in (["index"], ["cache", "clear"]):
        result = run(*command, str(path))
        assert result.exit_code == 3
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert not cache_dir(tmp_path / "nothing").is_dir()


def test_index_without_a_usable_cache_warns_once_and_goes_on(shop: Path) -> None:
    cache_dir(shop).write_text("not a folder")
    result = run("index", str(shop))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("warning") == 1
    assert counts_of(result.stdout)["cache"].startswith("off")


def test_cache_clear(shop: Path) -> None:
    assert run("index", str(shop)).exit_code == 0
    assert (cache_dir(shop) / "cache.sqlite3").exists()
    result = run("cache", "clear", str(shop))
    assert result.exit_code == 0
    assert not (cache_dir(shop) / "cache.sqlite3").exists()
    assert counts_of(run("index", str(shop)).stdout)["cache"].startswith("0 hits")


def test_api_only_summaries_from_workers_and_the_cache_are_those_made_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, contents = own_source()
    files = files[:40]
    monkeypatch.setattr(indexing, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(indexing, "MAX_CHUNK", 3)
    one, _ = summarize_files(files, contents.__getitem__, session=Session(jobs=1), api_only=True)
    assert one and all(s.api_only for s in one)
    with SummaryCache.open(tmp_path) as cache:
        two, _ = summarize_files(files, contents.__getitem__, session=Session(cache, 2),
                                 api_only=True)
    assert two == one
    with SummaryCache.open(tmp_path) as cache:
        again, _ = summarize_files(files, contents.__getitem__, session=Session(cache, 1),
                                   api_only=True)
        assert cache.stats.hits == len(files)
        full, _ = summarize_files(files, contents.__getitem__, session=Session(cache, 1))
        assert cache.stats.hits == len(files)  # the API entries never serve a full lookup
    assert again == one
    assert not any(s.api_only for s in full)


IDLE_WORKER_INTERRUPTED = """
import multiprocessing, os, signal, sys, time
from impactgraph.app import indexing
from impactgraph.isolation import safe_children

lifeline, alive = multiprocessing.Pipe(duplex=False)
with safe_children():
    pool = indexing._pool(1, lifeline)
    pool.submit(int).result()  # the worker has started; now it waits for the next task
    (pid,) = pool._processes
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            # Ctrl-C reaches every process of the terminal's group. Again until it ends: one
            # that lands while the worker still hands its result back is swallowed by
            # concurrent.futures (its _sendback_result catches everything).
            os.kill(pid, signal.SIGINT)
            time.sleep(0.2)
            os.kill(pid, 0)  # its parent, the fork server, reaps it
        except ProcessLookupError:
            print("ended")
            break
    pool.shutdown(wait=True)
"""


def test_ctrl_c_ends_an_idle_worker_without_a_traceback(tmp_path: Path) -> None:
    """multiprocessing prints the traceback of a worker interrupted while it waits for a
    task; the main process reports Ctrl-C itself, in one line."""
    done = subprocess.run(
        [sys.executable, "-c", IDLE_WORKER_INTERRUPTED],
        cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ended"]
    assert "Traceback" not in done.stderr
    assert "KeyboardInterrupt" not in done.stderr
