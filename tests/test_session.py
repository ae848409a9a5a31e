"""The Session: one summary cache (or the null one) and the worker count, handed down together."""

from __future__ import annotations

from pathlib import Path

from git_support import commit, init_repo

from impactgraph.adapters.cache import (
    NULL_CACHE,
    CacheKey,
    FileStat,
    NullCache,
    SummaryCache,
    cache_dir,
)
from impactgraph.adapters.fs import read_source
from impactgraph.adapters.git import GitRepo
from impactgraph.app.changes import compute_changes
from impactgraph.app.indexing import cached_counts, index_directory, summarize_files
from impactgraph.app.session import NO_CACHE, Session, open_session
from impactgraph.config import Config
from impactgraph.discovery import discover

SOURCES = {"pkg/__init__.py": "", "pkg/core.py": "def f(x):\n    return x\n"}


def test_without_a_cache_a_session_holds_the_null_one(tmp_path: Path) -> None:
    with open_session(tmp_path, cache=False, jobs=1) as session:
        assert session.cache is NULL_CACHE
        assert not session.cache.enabled
        assert session.graph_store(tmp_path) is None
    assert NO_CACHE.cache is NULL_CACHE
    assert not (tmp_path / ".impactgraph").exists()


def test_the_null_cache_answers_every_call_with_nothing() -> None:
    cache = NullCache()
    key = CacheKey("0" * 40, "pkg", False)
    assert cache.get_many([key]) == {}
    cache.put_many([(key, b"{}")])
    assert cache.get_many([key]) == {}  # nothing was kept
    assert cache.known_content_ids({"pkg/__init__.py": FileStat(1, 2, 3, 4)}) == {}
    cache.remember_content_ids({"pkg/__init__.py": (FileStat(1, 2, 3, 4), "0" * 40)})
    cache.forget_files_except([])
    cache.close()
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (0, 0, 0)


def test_a_session_opens_the_cache_and_closes_it_after(tmp_path: Path) -> None:
    with open_session(tmp_path, jobs=1) as session:
        assert isinstance(session.cache, SummaryCache)
        assert session.cache.enabled
        assert session.graph_store(tmp_path) is not None
    assert not session.cache.enabled  # closed


def test_an_unusable_cache_is_left_out_after_one_warning(tmp_path: Path) -> None:
    cache_dir(tmp_path).write_text("a file where the cache folder should be")
    warnings: list[str] = []
    with open_session(tmp_path, warn=warnings.append) as session:
        assert not session.cache.enabled
        assert session.graph_store(tmp_path) is None
        assert cached_counts(tmp_path, None, session) is None
    assert len(warnings) == 1


def test_summaries_come_from_the_cache_the_second_time(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    commit(init_repo(root), SOURCES)
    files = discover(SOURCES)

    def summarize(session: Session) -> list[str]:
        summaries, warnings = summarize_files(
            files, lambda p: read_source(root, p), session=session
        )
        assert warnings == []
        return sorted(s.module for s in summaries)

    for run in range(2):
        with open_session(root, jobs=1) as session:
            assert summarize(session) == ["pkg", "pkg.core"]
            stats = session.cache.stats
        assert (stats.hits, stats.misses) == ((0, 2) if run == 0 else (2, 0))
    assert summarize(Session(jobs=1)) == ["pkg", "pkg.core"]


def test_indexing_without_a_cache_counts_every_file_a_miss(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    commit(init_repo(root), SOURCES)
    for cache in (False, True):
        with open_session(root, cache=cache, jobs=1) as session:
            result = index_directory(root, session=session)
        assert (result.cache_hits, result.cache_misses, result.files_read) == (0, 2, 2)
    with open_session(root, jobs=1) as session:
        warm = index_directory(root, session=session)
    assert (warm.cache_hits, warm.cache_misses) == (2, 0)


def test_compute_changes_summarises_through_the_session(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, SOURCES, tag="v1")
    commit(root, {"pkg/core.py": "def f():\n    return 1\n"})
    with open_session(root, jobs=1) as session:
        result = compute_changes(GitRepo(root), "v1", "HEAD", Config(), session=session)
        assert session.cache.stats.misses > 0  # looked up in the session's cache
    assert {c.symbol for c in result.changes.changes} >= {"pkg.core:f"}


def test_index_reads_a_changed_tree_once(tmp_path: Path, monkeypatch) -> None:
    # ``index`` looks for the counts of the tree first; when a file changed it indexes the
    # same tree, not one read again (10,000 modules: ~0.5 s more for each reading)
    import json

    from typer.testing import CliRunner

    from impactgraph.cli import app

    root = tmp_path / "tree"
    commit(init_repo(root), SOURCES)
    runner = CliRunner()
    assert runner.invoke(app, ["index", str(root), "--jobs", "1"]).exit_code == 0
    (root / "pkg" / "core.py").write_text("def f(x):\n    return x\n\n\ndef g():\n    f(1)\n")
    readings: list[Path] = []

    def counted(*args, **kwargs):
        readings.append(root)
        return discover(*args, **kwargs)

    monkeypatch.setattr("impactgraph.app.indexing.discover", counted)
    result = runner.invoke(app, ["index", str(root), "--jobs", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["files"] == 2 and counts["calls_edges"] == 1
    assert len(readings) == 1
