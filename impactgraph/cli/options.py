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


def output_path(value: str | None) -> str | None:
    """``-o FILE``'s check: an empty path is a usage error, said as one (it was "cannot write
    : Device or resource busy", exit 3)."""
    if value is not None and not value.strip():
        raise typer.BadParameter("the path is empty (use -o - or leave -o out for stdout)")
    return value


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


@contextlib.contextmanager
def repo_session(
    repo: Path, jobs: int | None, no_cache: bool, cache_dir: Path | None = None
) -> Iterator[Session]:
    """The session of a command that compares revisions of ``repo``: on the cache of the
    repository's top folder, whatever folder of it ``repo`` names, so that every such command
    (``changes``, ``impact``, ``tests``, ``comment``) shares one cache. Not a repository: a
    session without a cache (the command then says what is wrong, in its own words)."""
    from impactgraph.adapters.git import GitRepo
    from impactgraph.app.session import Session
    from impactgraph.errors import GitError

    try:
        root = GitRepo(repo).root
    except GitError:
        yield Session(jobs=jobs)
        return
    with command_session(root, jobs, no_cache, cache_dir) as session:
        yield session
