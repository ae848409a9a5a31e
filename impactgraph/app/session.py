"""One indexing session per command: the summary cache and the worker processes, together.

The CLI opens a ``Session`` and hands it down (``build_report`` -> ``compute_changes`` ->
``RevisionSummaries`` -> ``summarize``), as httpx hands one ``Client`` with its transport,
instead of threading ``cache`` and ``jobs`` through every layer. Without a cache (``--no-cache``,
or no repository to keep one in) the session holds a ``NullCache``, never ``None``: what used to
be three states (no cache, a cache that could not be opened, a cache) is two, and only
``Session.active_cache`` tells them apart.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from impactgraph.adapters.cache import CacheStats, SummaryCache
from impactgraph.app.indexing import IndexResult, Reader, index_directory, summarize_files
from impactgraph.config import Config
from impactgraph.discovery import SourceFile
from impactgraph.model import Diagnostic, FileSummary

if TYPE_CHECKING:
    from impactgraph.adapters.graph_store import GraphStore


@dataclass(frozen=True, slots=True)
class NullCache:
    """The cache of a session without one: it holds nothing and closes at once."""

    stats: CacheStats = field(default_factory=CacheStats)

    @property
    def enabled(self) -> bool:
        return False

    def close(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class Session:
    cache: SummaryCache | NullCache = field(default_factory=NullCache)
    jobs: int | None = None  # worker processes (None: one per CPU; 1: none)

    @property
    def active_cache(self) -> SummaryCache | None:
        """The cache to read and write; None when there is none or it could not be used (a
        read-only folder: ``SummaryCache.open`` warned and returned it disabled)."""
        cache = self.cache
        return cache if isinstance(cache, SummaryCache) and cache.enabled else None

    def graph_store(self, root: Path) -> GraphStore | None:
        """Where linked graphs of ``root`` are kept beside the summaries (None without a cache)."""
        from impactgraph.adapters.graph_store import GraphStore

        cache = self.active_cache
        return GraphStore(root, cache.directory) if cache is not None else None

    def summarize(
        self,
        files: Sequence[SourceFile],
        read: Reader,
        *,
        content_ids: Mapping[str, str] | None = None,
        api_only: bool = False,
    ) -> tuple[list[FileSummary], list[Diagnostic]]:
        """``indexing.summarize_files`` with this session's cache and workers."""
        return summarize_files(
            files, read, content_ids=content_ids, cache=self.active_cache, jobs=self.jobs,
            api_only=api_only,
        )

    def index(
        self,
        root: Path,
        config: Config | None = None,
        *,
        progress: bool = False,
        want_summaries: bool = True,
    ) -> IndexResult:
        """``indexing.index_directory`` with this session's cache and workers."""
        cache = self.cache if isinstance(self.cache, SummaryCache) else None
        return index_directory(
            root,
            config,
            cache=cache,
            jobs=self.jobs,
            progress=progress,
            want_summaries=want_summaries,
        )


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
    else ``root/.impactgraph``), or on a ``NullCache`` when ``cache`` is False; the cache is
    closed (and pruned) when the block ends.

    A cache that cannot be used (a read-only folder, say) is opened disabled, after one
    ``warn``ing: the command goes on without it.
    """
    if not cache:
        yield Session(NullCache(), jobs)
        return
    from impactgraph.adapters.cache_folder import resolve_cache_dir

    opened = SummaryCache.open(root, warn=warn, directory=resolve_cache_dir(root, cache_dir))
    try:
        yield Session(opened, jobs)
    finally:
        opened.close()
