"""One indexing session per command: the summary cache and the worker processes, together.

The CLI opens a ``Session`` and hands it down (``build_report`` -> ``compute_changes`` ->
``RevisionSummaries`` -> ``indexing.summarize_files``; ``indexing.index_directory`` for
``index``, ``graph`` and ``callgraph``), as httpx hands one ``Client`` with its transport,
instead of threading ``cache`` and ``jobs`` through every layer. The cache is always an object:
a ``SummaryCache`` (which may have turned itself off, after one warning, when its folder cannot
be used) or, without one (``--no-cache``, no repository to keep one in), the ``NullCache``.
Both answer the same calls, so no layer asks which it holds.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from impactgraph.adapters.cache import NULL_CACHE, Cache, SummaryCache

if TYPE_CHECKING:
    from impactgraph.adapters.graph_store import GraphStore


@dataclass(frozen=True, slots=True)
class Session:
    cache: Cache = NULL_CACHE
    jobs: int | None = None  # worker processes (None: one per CPU; 1: none)

    def graph_store(self, root: Path) -> GraphStore | None:
        """Where linked graphs of ``root`` are kept beside the summaries (None without a
        usable cache)."""
        return self.cache.graph_store(root)

    def in_process(self) -> Session:
        """This session's cache, without worker processes."""
        return Session(self.cache, 1)


NO_CACHE = Session()  # no cache, one worker process per CPU: what a library caller gets


@contextlib.contextmanager
def open_session(
    root: Path,
    *,
    cache: bool = True,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> Iterator[Session]:
    """A session on ``root``'s summary cache (in ``cache_dir``, else ``$IMPACTGRAPH_CACHE_DIR``,
    else ``root/.impactgraph``), or on the ``NullCache`` when ``cache`` is False; the cache is
    closed (and pruned) when the block ends.

    A cache that cannot be used (a read-only folder, say) is opened disabled, after one
    ``warn``ing: the command goes on without it.
    """
    if not cache:
        yield Session(NULL_CACHE, jobs)
        return
    from impactgraph.adapters.cache_folder import resolve_cache_dir

    opened = SummaryCache.open(root, warn=warn, directory=resolve_cache_dir(root, cache_dir))
    try:
        yield Session(opened, jobs)
    finally:
        opened.close()
