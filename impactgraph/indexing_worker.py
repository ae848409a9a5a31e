"""What a worker process runs: summarise a chunk of files (and serialize them for the cache).

Worker processes are forked from a server that imported this module once; importing it
also runs one tiny summary, so whatever astroid sets up on its first parse is paid once in
the server rather than in every worker.
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

    Its keys hold nodes, so every tree that was inferred in stays alive: when astroid's tree
    builder still inferred the targets of ``self.x = ...`` that was ~100 MB per thousand
    files. The indexer no longer infers anything, so this is a guard that costs nothing.
    """
    invalidate = getattr(astroid.context, "_invalidate_cache", None)  # private, so guarded
    if invalidate is not None:
        invalidate()


summarize_bytes(b"def _warm_up(x):\n    return len(x)\n", "_impactgraph_warm_up", "_warm_up.py")
