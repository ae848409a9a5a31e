"""What a worker process runs: summarise a chunk of files (and serialize them for the cache).

Worker processes are forked from a server that imported this module once; importing it
also warms astroid up (its first parse builds the ``builtins`` module, a tenth of a second),
so every worker starts warm instead of paying that again.
"""

from __future__ import annotations

import astroid.context

from impactgraph.indexer import summarize_bytes
from impactgraph.model import FileSummary
from impactgraph.serialize import summary_to_bytes

Task = tuple[int, bytes, str, str]  # (position in the caller's list, content, module, path)
Done = tuple[int, FileSummary, bytes | None]  # (position, summary, serialized for a cache)


def summarize_chunk(tasks: list[Task], encode: bool) -> list[Done]:
    done: list[Done] = []
    for index, data, module, path in tasks:
        summary = summarize_bytes(data, module, path)
        forget_inference()
        done.append((index, summary, summary_to_bytes(summary) if encode else None))
    return done


def forget_inference() -> None:
    """Empty astroid's global inference cache.

    astroid's tree builder infers the targets of ``self.x = ...`` and keeps every result in
    a process-wide cache whose keys hold the nodes, so each tree that has one stays alive:
    about 100 MB per thousand files. We never look them up again.
    """
    invalidate = getattr(astroid.context, "_invalidate_cache", None)  # private, so guarded
    if invalidate is not None:
        invalidate()


summarize_bytes(b"def _warm_up(x):\n    return len(x)\n", "_impactgraph_warm_up", "_warm_up.py")
