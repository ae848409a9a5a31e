"""What a worker process runs: summarise a chunk of files (and serialize them for the cache).

Worker processes are forked from a server that preloaded ``indexing_server``, which imports
this module and runs one tiny summary, so whatever astroid sets up on its first parse is paid
once in the server rather than in every worker. This module alone imports no astroid: an
API-only summary (``changes``) in this process mostly needs none.
"""

from __future__ import annotations

# First of all: nothing below may come from the current directory (the analysed tree).
from impactgraph._safepath import clean_sys_path

clean_sys_path()

import signal  # noqa: E402
import sys  # noqa: E402
from types import FrameType  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from impactgraph.indexer import summarize_bytes  # noqa: E402
from impactgraph.isolation import watch_parent  # noqa: E402
from impactgraph.model import FileSummary  # noqa: E402
from impactgraph.serialize import summary_to_bytes  # noqa: E402

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Task = tuple[int, bytes, str, str]  # (position in the caller's list, content, module, path)
Done = tuple[int, FileSummary, bytes | None]  # (position, summary, serialized for a cache)

INTERRUPTED = 130  # errors.ExitCode.INTERRUPTED (this module imports as little as it can)
_busy = False  # summarising a chunk (rather than waiting for one)


def start_worker(lifeline: Connection) -> None:
    """A worker's initializer: a clean module path, exit when the main process ends, and
    a Ctrl-C that ends an idle worker quietly."""
    clean_sys_path()
    watch_parent(lifeline)
    signal.signal(signal.SIGINT, _interrupted)


def _interrupted(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C reaches every process of the terminal's group; the main process reports it.

    Within a chunk, KeyboardInterrupt is handed back to the main process as the chunk's
    result (the pool catches it), as before. A worker waiting for a task would let it escape
    from the pool's queue read, and multiprocessing prints that traceback: it exits instead.
    """
    if _busy:
        raise KeyboardInterrupt
    raise SystemExit(INTERRUPTED)


def summarize_chunk(tasks: list[Task], encode: bool, api_only: bool = False) -> list[Done]:
    global _busy
    done: list[Done] = []
    _busy = True
    try:
        for index, data, module, path in tasks:
            summary = (summarize_bytes(data, module, path, api_only=True) if api_only
                       else summarize_bytes(data, module, path))
            forget_inference()
            done.append((index, summary, summary_to_bytes(summary) if encode else None))
    finally:
        _busy = False
    return done


def forget_inference() -> None:
    """Empty astroid's global inference cache.

    Its keys hold nodes, so every tree that was inferred in stays alive: when astroid's tree
    builder still inferred the targets of ``self.x = ...`` that was ~100 MB per thousand
    files. The indexer no longer infers anything, so this is a guard that costs nothing.
    """
    context = sys.modules.get("astroid.context")  # nothing to forget before astroid is used
    invalidate = getattr(context, "_invalidate_cache", None)  # private, so guarded
    if invalidate is not None:
        invalidate()

