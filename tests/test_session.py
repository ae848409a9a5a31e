"""The Session: one summary cache (or a null one) and the worker count, handed down together."""

from __future__ import annotations

from pathlib import Path

from git_support import commit, init_repo

from impactgraph.adapters.cache import SummaryCache, cache_dir
from impactgraph.adapters.fs import read_source
from impactgraph.adapters.git import GitRepo
from impactgraph.app.changes import compute_changes
from impactgraph.app.session import NullCache, Session, open_session
from impactgraph.config import Config
from impactgraph.discovery import discover

SOURCES = {"pkg/__init__.py": "", "pkg/core.py": "def f(x):\n    return x\n"}


def test_without_a_cache_a_session_holds_a_null_one(tmp_path: Path) -> None:
    with open_session(tmp_path, cache=False, jobs=1) as session:
        assert isinstance(session.cache, NullCache)
        assert session.active_cache is None
        assert session.graph_store(tmp_path) is None
    assert not (tmp_path / ".impactgraph").exists()


def test_a_session_opens_the_cache_and_closes_it_after(tmp_path: Path) -> None:
    with open_session(tmp_path, jobs=1) as session:
        assert isinstance(session.cache, SummaryCache)
        assert session.active_cache is session.cache
        assert session.graph_store(tmp_path) is not None
    assert not session.cache.enabled  # closed


def test_an_unusable_cache_is_left_out_after_one_warning(tmp_path: Path) -> None:
    cache_dir(tmp_path).write_text("a file where the cache folder should be")
    warnings: list[str] = []
    with open_session(tmp_path, warn=warnings.append) as session:
        assert session.active_cache is None
        assert session.graph_store(tmp_path) is None
    assert len(warnings) == 1


def test_summaries_come_from_the_cache_the_second_time(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    commit(init_repo(root), SOURCES)
    files = discover(SOURCES)

    def summarize(session: Session) -> list[str]:
        summaries, warnings = session.summarize(files, lambda p: read_source(root, p))
        assert warnings == []
        return sorted(s.module for s in summaries)

    for run in range(2):
        with open_session(root, jobs=1) as session:
            assert summarize(session) == ["pkg", "pkg.core"]
            cache = session.active_cache
            assert cache is not None
            stats = cache.stats
        assert (stats.hits, stats.misses) == ((0, 2) if run == 0 else (2, 0))
    assert summarize(Session(jobs=1)) == ["pkg", "pkg.core"]


def test_compute_changes_summarises_through_the_session(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, SOURCES, tag="v1")
    commit(root, {"pkg/core.py": "def f():\n    return 1\n"})
    with open_session(root, jobs=1) as session:
        result = compute_changes(GitRepo(root), "v1", "HEAD", Config(), session=session)
        cache = session.active_cache
        assert cache is not None
        assert cache.stats.misses > 0  # the summaries were looked up in the session's cache
    assert {c.symbol for c in result.changes.changes} >= {"pkg.core:f"}
