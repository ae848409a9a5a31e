"""Worker processes never import from the analysed tree, and never outlive the main process.

Python puts the current directory on the module path of a process started with ``-c`` or
``-m`` (multiprocessing starts its fork server, resource tracker and spawned workers with
``-c``), and multiprocessing hands the parent's ``sys.path`` to every child. Run from the root
of a repository holding a ``types.py`` or ``signal.py``, those processes would import (run) it.
So, before a pool starts: ``''`` and the current directory leave ``sys.path`` (or move to its
end when impactgraph itself is imported from there, as from a source checkout), and
``PYTHONSAFEPATH`` (Python 3.11+) keeps the children's interpreters from adding them back.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from impactgraph._safepath import clean_sys_path

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

__all__ = ["clean_sys_path", "safe_children", "watch_parent"]


@contextlib.contextmanager
def safe_children(roots: Iterable[Path | str] = ()) -> Iterator[None]:
    """While this lasts, Python processes started by multiprocessing cannot import from the
    current directory or ``roots``: the fork server and the resource tracker are started now,
    under these conditions, and reused afterwards."""
    clean_sys_path(tuple(os.fspath(r) for r in roots))
    previous = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        _start_helpers()
        yield
    finally:
        if previous is None:
            os.environ.pop("PYTHONSAFEPATH", None)
        else:
            os.environ["PYTHONSAFEPATH"] = previous


def _start_helpers() -> None:
    """Start the fork server and resource tracker now; before Python 3.11 (no
    ``PYTHONSAFEPATH``) from the standard library's folder, so their ``''`` means nothing."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return
    from multiprocessing import forkserver

    if sys.version_info >= (3, 11):
        forkserver.ensure_running()
        return
    here = os.getcwd()  # pragma: no cover - Python 3.10
    os.chdir(os.path.dirname(os.__file__))  # pragma: no cover
    try:  # pragma: no cover
        forkserver.ensure_running()
    finally:  # pragma: no cover
        os.chdir(here)


def watch_parent(lifeline: Connection) -> None:
    """In a worker: exit at once when the main process is gone.

    ``lifeline`` is the reading end of a pipe whose only writing end the main process holds:
    it reads end-of-file when that process ends, however it ends (``kill -9`` included). A
    worker's own parent is the fork server, and a worker holds both ends of its task queue,
    so nothing else would tell it.
    """

    def watch() -> None:
        with contextlib.suppress(OSError, EOFError):
            while lifeline.recv_bytes():
                pass
        os._exit(1)

    # The thread starts with Ctrl-C blocked (a thread inherits its creator's signal mask): the
    # kernel gives a process's SIGINT to any thread that does not block it, and taken here it
    # would not interrupt the main thread's wait for a task (its handler runs only once that
    # thread runs Python again).
    blocking = hasattr(signal, "pthread_sigmask")
    if blocking:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        threading.Thread(target=watch, name="impactgraph-lifeline", daemon=True).start()
    finally:
        if blocking:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
