"""What the worker processes' server preloads: the worker module, warmed up.

One tiny summary here pays for what astroid sets up on its first parse once, in the server,
rather than in every worker forked from it.
"""

from __future__ import annotations

# First of all: nothing below may come from the current directory (the analysed tree).
from impactgraph._safepath import clean_sys_path

clean_sys_path()

from impactgraph.app import indexing_worker  # noqa: E402
from impactgraph.indexer import summarize_bytes  # noqa: E402

__all__ = ["indexing_worker"]

summarize_bytes(b"def _warm_up(x):\n    return len(x)\n", "_impactgraph_warm_up", "_warm_up.py")
