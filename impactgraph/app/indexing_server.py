"""What the worker processes' server preloads: the worker module, warmed up.

One tiny summary here pays for what astroid sets up on its first parse once, in the server,
rather than in every worker forked from it.
"""

from __future__ import annotations

# First of all: nothing below may come from the current directory (the analysed tree).
from impactgraph._safepath import clean_sys_path

clean_sys_path()

import gc  # noqa: E402

from impactgraph.app import indexing_worker  # noqa: E402
from impactgraph.indexer import summarize_bytes  # noqa: E402

__all__ = ["indexing_worker"]

summarize_bytes(b"def _warm_up(x):\n    return len(x)\n", "_impactgraph_warm_up", "_warm_up.py")
# What is alive now (astroid, its brain modules, this package: ~20,000 objects) lives as
# long as the workers, which inherit it: out of the collector's reach (``gc.freeze``), the
# collections that free each file's tree no longer scan it again, nor copy its pages when
# they mark it (a small gain: the trees themselves are most of what the workers collect).
gc.collect()
gc.freeze()
