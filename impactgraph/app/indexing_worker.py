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

import sys  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from impactgraph.indexer import summarize_bytes  # noqa: E402
from impactgraph.isolation import watch_parent  # noqa: E402
from impactgraph.model import FileSummary  # noqa: E402
from impactgraph.serialize import summary_to_bytes  # noqa: E402

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Task = tuple[int, bytes, str, str]  # (position in the caller's list, content, module, path)
Done = tuple[int, FileSummary, bytes | None]  # (position, summary, serialized for a cache)


def start_worker(lifeline: Connection) -> None:
    """A worker's initializer: a clean module path, and exit when the main process ends."""
    clean_sys_path()
    watch_parent(lifeline)


def summarize_chunk(tasks: list[Task], encode: bool, api_only: bool = False) -> list[Done]:
    done: list[Done] = []
    for index, data, module, path in tasks:
        summary = (summarize_bytes(data, module, path, api_only=True) if api_only
                   else summarize_bytes(data, module, path))
        forget_inference()
        done.append((index, summary, summary_to_bytes(summary) if encode else None))
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

