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
    from impactgraph.app.session import Session
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


@contextlib.contextmanager
def command_session(
    root: Path, jobs: int | None, no_cache: bool, cache_dir: Path | None = None
) -> Iterator[Session]:
    """The command's ``Session`` on ``root``'s summary cache (in ``cache_dir``, else
    ``$IMPACTGRAPH_CACHE_DIR``, else ``root/.impactgraph``; none with ``--no-cache``), closed
    (and pruned) when the block ends.

    A cache that cannot be used (a read-only folder, say) is left out after one warning on
    stderr: the command goes on without it.
    """
    from impactgraph.app.session import open_session

    with open_session(root, cache=not no_cache, cache_dir=cache_dir, jobs=jobs, warn=warn) as s:
        yield s


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
    from impactgraph.app.pipeline import build_report
    from impactgraph.app.session import Session
    from impactgraph.errors import GitError

    try:
        root = GitRepo(repo).root
    except GitError:  # not a repository: the pipeline says so, in its own words
        report: ImpactReport = build_report(repo, base, head, max_depth, session=Session(jobs=jobs))
        return report
    with command_session(root, jobs, no_cache, cache_dir) as session:
        report = build_report(repo, base, head, max_depth, session=session)
        return report
