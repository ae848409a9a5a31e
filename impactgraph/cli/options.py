"""Options and helpers that every command which indexes code shares: --jobs, --no-cache,
--cache-dir."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from impactgraph.errors import InputError

if TYPE_CHECKING:
    from impactgraph.adapters.cache import SummaryCache
    from impactgraph.model import ImpactReport

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", metavar="N", min=1,
        help="Worker processes that summarise files [default: one per CPU; 1: none].",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither read nor write the summary cache (.impactgraph/ in the analysed folder).",
    ),
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir", metavar="PATH",
        help="Keep the cache here [default: $IMPACTGRAPH_CACHE_DIR, else .impactgraph/ in the "
        "analysed folder].",
    ),
]


def write_binary_output(data: bytes, output: str | None) -> None:
    """An image to stdout, or to ``-o FILE`` (``-o /dev/stdout`` is stdout too)."""
    from impactgraph.adapters.fs import STDOUT_NAMES, write_bytes_file

    if output is None or output == "-" or output in STDOUT_NAMES:
        from impactgraph.cli.app import write_stdout

        write_stdout(data)
        return
    write_bytes_file(output, data)


def warn(message: str) -> None:
    from impactgraph.cli.app import note

    note(f"impactgraph: warning: {message}")


def check_directory(path: Path) -> Path:
    """``path`` when it is a directory; otherwise the one-line bad-input error (exit 3)."""
    if not path.exists():
        raise InputError(f"no such directory: {path}", str(path))
    if not path.is_dir():
        raise InputError(f"not a directory: {path}", str(path))
    return path


def open_cache(
    root: Path, enabled: bool, cache_dir: Path | None = None
) -> SummaryCache | None:
    """The summary cache of ``root`` (in ``cache_dir``, else ``$IMPACTGRAPH_CACHE_DIR``, else
    ``root/.impactgraph``), or None with ``--no-cache``.

    A cache that cannot be used (a read-only folder, say) is returned disabled, after one
    warning on stderr: the command goes on without it. Close it when done.
    """
    if not enabled:
        return None
    from impactgraph.adapters.cache import SummaryCache
    from impactgraph.adapters.cache_folder import resolve_cache_dir

    return SummaryCache.open(root, warn=warn, directory=resolve_cache_dir(root, cache_dir))


@contextlib.contextmanager
def cache_session(
    root: Path, enabled: bool, cache_dir: Path | None = None
) -> Iterator[SummaryCache | None]:
    """``open_cache`` as a context manager that closes (and prunes) the cache afterwards."""
    cache = open_cache(root, enabled, cache_dir)
    try:
        yield cache
    finally:
        if cache is not None:
            cache.close()


def build_cached_report(
    repo: Path,
    base: str,
    head: str | None,
    max_depth: int | None,
    jobs: int | None = None,
    no_cache: bool = False,
    cache_dir: Path | None = None,
) -> ImpactReport:
    """The report, with the repository's summary cache open for as long as it is built.

    Every command that builds a report (``impact``, ``tests``, ``comment``) comes through
    here, so they all share one cache: the one of the repository's top folder.
    """
    from impactgraph.adapters.git import GitRepo
    from impactgraph.errors import GitError
    from impactgraph.pipeline import build_report

    try:
        root = GitRepo(repo).root
    except GitError:  # not a repository: the pipeline says so, in its own words
        report: ImpactReport = build_report(repo, base, head, max_depth, jobs=jobs)
        return report
    with cache_session(root, not no_cache, cache_dir) as cache:
        report = build_report(repo, base, head, max_depth, cache=cache, jobs=jobs)
        return report
