"""Use case: a source tree (working tree or git revision) -> summaries -> CodeGraph.

Summaries come from the cache when the file's content was summarised before (by this very
analyzer), and are otherwise computed in worker processes. A summary depends on nothing but
the file's bytes, module name and path, so the result is the same whatever the number of
workers and whatever was cached.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from impactgraph.adapters.cache import NullCache
from impactgraph.app.session import NO_CACHE, Session
from impactgraph.config import Config, load_config
from impactgraph.discovery import SourceFile, discover
from impactgraph.errors import InputError
from impactgraph.local_imports import localized
from impactgraph.model import Diagnostic, FileSummary

if TYPE_CHECKING:
    # concurrent.futures and multiprocessing load only when workers start (not for the few
    # files a ``changes`` run summarises)
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.connection import Connection

    from impactgraph.adapters.cache import Cache, CacheKey, FileStat
    from impactgraph.adapters.graph_store import GraphStore
    from impactgraph.adapters.progress import ProgressBar

    # the worker's job and answer; imported for typing only, as the worker module loads astroid
    from impactgraph.app.indexing_worker import Done, Task
    from impactgraph.linker import CodeGraph

Reader = Callable[[str], bytes]

# Below this many files to summarise, starting worker processes costs more than it saves
# (about half a second to start the fork server and two workers; a file takes ~10 ms).
PARALLEL_MIN_FILES = 100
MAX_CHUNK = 16  # files per task sent to a worker
READ_BATCH = 256  # files read (and looked up in the cache) at a time
COLLECT_EVERY = 16  # files summarised here between two collections (_summarize_here)
WRITE_BATCH = 256  # new summaries written to the cache at a time
# Workers are replaced after this many chunks: a safety net, should astroid start keeping
# trees again (a worker's RSS stays flat at ~40 MB over 4,000 Django files as it is).
CHUNKS_PER_WORKER = 64

WORKER_MODULE = "impactgraph.app.indexing_server"  # preloaded by the workers' server
# ... for API-only summaries, made from ``ast``: no astroid to import and warm up ahead
API_WORKER_MODULE = "impactgraph.app.indexing_worker"


@dataclass
class IndexResult:
    graph: CodeGraph
    summaries: list[FileSummary]
    files: list[SourceFile]
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0
    files_read: int = 0


# the source files of a tree, their stats, the content ids the cache knows, and the files
# left out as warnings (``read_tree``)
Tree: TypeAlias = (
    "tuple[list[SourceFile], dict[str, FileStat], dict[str, str], list[Diagnostic]]"
)


def read_tree(root: Path, config: Config | None, cache: Cache) -> Tree:
    """The source files under ``root``, their stats, the content ids the cache knows, and
    the files left out (special files, links out of the tree, huge files) as warnings.
    Read once per command: on 10,000 modules, discovering and looking up the files is
    ~0.5 s, which ``index`` paid twice when a file had changed (``cached_counts``, then
    ``index_directory``)."""
    from impactgraph.adapters.fs import iter_python_files

    if config is None:
        config = load_config(root)
    skipped: list[Diagnostic] = []
    files = discover(iter_python_files(root, skipped, projects=True), config.source_roots,
                     config.exclude, config.import_paths, config.test_patterns)
    if skipped:  # only those the configuration would have analysed
        wanted = {f.path for f in discover([d.path for d in skipped], config.source_roots,
                                           config.exclude, config.import_paths,
                                           config.test_patterns)}
        skipped = [d for d in skipped if d.path in wanted]
    if not cache.enabled:  # nothing to look the stats up in
        return files, {}, {}, skipped
    from impactgraph.adapters.cache import stat_files

    stats = stat_files(root, [f.path for f in files])
    return files, stats, cache.known_content_ids(stats), skipped


def cached_counts(
    root: Path, config: Config | None, session: Session, tree: Tree | None = None,
) -> tuple[list[SourceFile], dict[str, int], list[Diagnostic]] | None:
    """The counts of the tree at ``root`` when the session's cache already holds its linked
    graph (every file unchanged since): what ``impactgraph index`` prints, read without
    linking. ``tree``: the tree as ``read_tree`` read it (None: read here)."""
    store = session.graph_store(Path(root))
    if store is None:
        return None
    files, _, known, skipped = (tree if tree is not None
                                else read_tree(Path(root), config, session.cache))
    if not all(f.path in known for f in files):
        return None
    found = store.load_counts(_tree_key(files, known))
    if found is None:
        return None
    counts, warnings = found
    return files, counts, [*skipped, *(Diagnostic(path, message) for path, message in warnings)]


def _tree_key(files: Sequence[SourceFile], content_ids: Mapping[str, str]) -> str:
    from impactgraph.adapters.graph_store import tree_key

    return tree_key(_tree_files(files, content_ids))


def _tree_files(files: Sequence[SourceFile], content_ids: Mapping[str, str]
                ) -> list[tuple[str, str, bool, str]]:
    return [(f.path, f.module, f.is_package, content_ids[f.path]) for f in files]


def _reuse_snapshot(
    files: Sequence[SourceFile],
    known: Mapping[str, str],
    read: Reader,
    session: Session,
    store: GraphStore,
) -> CodeGraph | None:
    """The graph of the tree from a stored one, without reading every summary: the snapshot
    of this very tree (files touched, contents unchanged), or that of a tree it differs from
    in a few files that provide the linker the same facts (``linker.reuse``). None when
    neither applies: the caller links."""
    from impactgraph.adapters.git import blob_id
    from impactgraph.linker.reuse import MAX_CHANGED_FILES, relocated

    unknown = [f for f in files if f.path not in known]
    if len(unknown) > MAX_CHANGED_FILES:
        return None
    data: dict[str, bytes] = {}
    ids = dict(known)
    for source_file in unknown:
        try:
            data[source_file.path] = read(source_file.path)
        except InputError:
            return None  # the full run reports it
        ids[source_file.path] = blob_id(data[source_file.path])
    tree = _tree_files(files, ids)
    key = _tree_key(files, ids)
    graph = store.load(key, tree)
    if graph is not None:
        return graph
    new: dict[str, FileSummary] = {}
    for previous, old_ids in store.closest(tree, MAX_CHANGED_FILES):
        # the facts first: a changed one rules this tree out, before its graph is loaded
        pairs = _changed_pairs([f for f in files if f.path in old_ids], old_ids, ids, data,
                               read, session, new)
        if pairs is None:
            continue
        graph = store.load(previous)
        graph = relocated(graph, pairs) if graph is not None else None
        if graph is not None:
            store.save(key, graph, tree)
            return graph
    return None


def _changed_pairs(
    changed: Sequence[SourceFile],
    old_ids: Mapping[str, str],
    ids: Mapping[str, str],
    data: Mapping[str, bytes],
    read: Reader,
    session: Session,
    new: dict[str, FileSummary],
) -> dict[str, tuple[FileSummary, FileSummary]] | None:
    """module -> (summary in the stored tree, summary now) for the files that differ, when
    each provides the linker the same facts; None otherwise. ``new``: summaries made so far."""
    from impactgraph.adapters.cache import CacheKey, with_path
    from impactgraph.linker.reuse import line_map

    old = session.cache.get_many(CacheKey(old_ids[f.path], f.module, f.is_package) for f in changed)
    todo = [f for f in changed if f.path not in new]
    if todo:
        def read_changed(path: str) -> bytes:
            return data[path] if path in data else read(path)

        made, failures = summarize_files(todo, read_changed, session=session.in_process(),
                                         content_ids=ids)
        if failures or len(made) != len(todo):
            return None
        new.update((f.path, s) for f, s in zip(todo, made, strict=True))
    pairs: dict[str, tuple[FileSummary, FileSummary]] = {}
    for f in changed:
        before = old.get(CacheKey(old_ids[f.path], f.module, f.is_package))
        if before is None:
            return None
        before = localized(with_path(before, f.path), f.aliases)
        if line_map(before, new[f.path]) is None:
            return None
        pairs[f.module] = (before, new[f.path])
    return pairs


def default_jobs() -> int:
    """The CPUs this process may use."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(jobs: int | None) -> int:
    """``--jobs``, capped by the CPUs this process may use: more workers than CPUs only
    cost memory and start-up time."""
    available = default_jobs()
    return available if jobs is None else max(1, min(jobs, available))


def summarize_files(
    files: Sequence[SourceFile],
    read: Reader,
    *,
    session: Session = NO_CACHE,
    content_ids: Mapping[str, str] | None = None,
    progress: bool = False,
    source_root: Path | None = None,
    api_only: bool = False,
) -> tuple[list[FileSummary], list[Diagnostic]]:
    """One summary per readable file, in the order of ``files``; unreadable ones are warnings.

    ``content_ids`` (path -> git blob id) lets the session's cached summaries be used without
    reading the file at all; without one, a file is read and hashed to look it up. The
    session's ``jobs`` worker processes summarise what the cache lacks (default, and at most:
    one per CPU this process may use; 1 = in this process). Workers never import from
    ``source_root`` (the analysed tree) or the current directory (``isolation``).
    Workers start from a fork server, so a script that calls this needs the usual
    ``if __name__ == "__main__":`` guard, as with any ``multiprocessing`` code.
    ``api_only``: summaries of the API part alone (``indexer/api.py``), for ``changes``; the
    cache keeps them apart from full ones, and a full one it holds serves too.
    """
    from impactgraph.adapters.gc_pause import collector_running
    from impactgraph.adapters.progress import ProgressBar

    # on, whatever the caller paused: what is summarised here after all (a worker that died
    # left it) makes astroid's trees, cycles; the paths that pause it do so themselves
    with collector_running(), ProgressBar(len(files), "Indexing", enabled=progress) as bar:
        run = _Run(files, read, content_ids or {}, session.cache, bar, api_only)
        tasks = run.tasks()
        workers = worker_count(session.jobs)
        if workers > 1 and run.may_summarize >= PARALLEL_MIN_FILES:
            chunk = max(1, min(MAX_CHUNK, run.may_summarize // (workers * 6)))
            roots = () if source_root is None else (source_root,)
            _summarize_parallel(tasks, workers, chunk, run.encode, run.deliver, roots, api_only)
        else:
            _summarize_here(tasks, run.encode, run.deliver, api_only)
        run.flush()
    # what the cache holds is the file's own; how its imports read depends on its neighbours
    summaries = [localized(s, f.aliases) for f, s in zip(files, run.results, strict=True)
                 if s is not None]
    warnings = [run.failures[i] for i in sorted(run.failures)]
    return summaries, warnings


class _Run:
    """The bookkeeping of one ``summarize_files`` call, in the calling process."""

    def __init__(
        self,
        files: Sequence[SourceFile],
        read: Reader,
        content_ids: Mapping[str, str],
        cache: Cache,
        bar: ProgressBar,
        api_only: bool = False,
    ) -> None:
        self.files = files
        self.api_only = api_only
        self.bar = bar
        self.read = read
        self.content_ids = content_ids
        self.cache = cache
        # Decided once: a cache that turns itself off later (a full disk) still serves what
        # it decoded this run, and lookups that cannot hit are not prepared (hashes, encoding).
        self.encode = cache.enabled
        self.results: list[FileSummary | None] = [None] * len(files)
        self.failures: dict[int, Diagnostic] = {}
        self.keys: dict[int, CacheKey] = {}
        self.unwritten: list[tuple[CacheKey, bytes]] = []
        self.computed: dict[CacheKey, FileSummary] = {}
        self.todo = self._lookup_known()
        # An upper bound of the files to summarise: decides whether workers are worth it.
        self.may_summarize = len(self.todo)

    def _lookup_known(self) -> list[int]:
        """Serve what the cache has for the files whose content id is known; the rest to do."""
        if not self.encode:
            return list(range(len(self.files)))
        from impactgraph.adapters.cache import CacheKey

        for index, source_file in enumerate(self.files):
            content_id = self.content_ids.get(source_file.path)
            if content_id is not None:
                self.keys[index] = CacheKey(content_id, source_file.module, source_file.is_package,
                                            self.api_only)
        self._serve(self.cache.get_many(self.keys.values()), list(self.keys))
        return [i for i in range(len(self.files)) if self.results[i] is None]

    def _serve(self, found: Mapping[CacheKey, FileSummary], indexes: Iterable[int]) -> None:
        from impactgraph.adapters.cache import with_path

        served = 0
        for index in indexes:
            summary = found.get(self.keys[index])
            if summary is not None:
                self.results[index] = with_path(summary, self.files[index].path)
                served += 1
        self.bar.advance(served)

    def tasks(self) -> Iterator[Task]:
        """Read the files still to do, a batch at a time; yield those the cache lacks."""
        for start in range(0, len(self.todo), READ_BATCH):
            batch: list[Task] = []
            for index in self.todo[start : start + READ_BATCH]:
                source_file = self.files[index]
                try:
                    data = self.read(source_file.path)
                except InputError as error:
                    self.failures[index] = Diagnostic(source_file.path, str(error))
                    self.bar.advance()
                    continue
                batch.append((index, data, source_file.module, source_file.path))
            yield from self._uncached(batch)

    def _uncached(self, batch: list[Task]) -> list[Task]:
        if not self.encode:
            return batch
        from impactgraph.adapters.cache import CacheKey
        from impactgraph.adapters.git import blob_id

        looked_up = []
        for index, data, module, _ in batch:
            if index not in self.keys:
                content_id = blob_id(data)
                self.keys[index] = CacheKey(content_id, module, self.files[index].is_package,
                                            self.api_only)
                looked_up.append(index)
        if looked_up:
            self._serve(self.cache.get_many(self.keys[i] for i in looked_up), looked_up)
        return [task for task in batch if self.results[task[0]] is None]

    def deliver(self, done: list[Done]) -> None:
        for index, summary, encoded in done:
            self.results[index] = summary
            if encoded is not None and index in self.keys:
                self.unwritten.append((self.keys[index], encoded))
                self.computed[self.keys[index]] = summary
        self.bar.advance(len(done))
        if len(self.unwritten) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.unwritten:
            self.cache.put_many(self.unwritten, self.computed)
        self.unwritten = []
        self.computed = {}


def _summarize_here(
    tasks: Iterable[Task], encode: bool, deliver: Callable[[list[Done]], None], api_only: bool
) -> None:
    """Summarise in this process, collecting cycles by hand: every ``COLLECT_EVERY`` files the
    astroid trees made meanwhile (cycles: children point to their parent) are collected and
    what lives on (the summaries) is frozen, out of later collections' reach. Left to itself,
    the collector scanned the summaries made so far again and again (Django's 860 files in
    one process: 4.6 s of 22.9 s CPU in 31 full collections)."""
    from impactgraph.adapters.gc_pause import collector_paused

    with collector_paused():  # frozen at the end, after the last collection
        for count, task in enumerate(tasks, 1):
            deliver(_summarize_chunk([task], encode, api_only))
            if count % COLLECT_EVERY == 0:
                gc.collect()
                gc.freeze()
        gc.collect()


# -- workers ----------------------------------------------------------------------------------


def _summarize_chunk(tasks: list[Task], encode: bool, api_only: bool = False) -> list[Done]:
    """Summaries of ``tasks`` in this process (imported late: a warm run needs no astroid)."""
    from impactgraph.app.indexing_worker import summarize_chunk

    return summarize_chunk(tasks, encode, api_only)


def _pool(workers: int, lifeline: Connection, api_only: bool = False) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from impactgraph.app.indexing_worker import start_worker

    # "fork" is unsafe once threads exist (and warns from Python 3.12); "forkserver" starts
    # workers quickly from a server that has imported astroid once.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload([API_WORKER_MODULE if api_only else WORKER_MODULE])
    # Not ``max_tasks_per_child``: on Python 3.11 to 3.15b3 a pool that replaces a worker at
    # its limit can stop scheduling the queued chunks and wait forever (CPython gh-115634;
    # a 2,000-module tree hung here). ``_summarize_parallel`` starts a new pool instead.
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=start_worker, initargs=(lifeline,)
    )


def _summarize_parallel(
    tasks: Iterator[Task],
    workers: int,
    chunk: int,
    encode: bool,
    deliver: Callable[[list[Done]], None],
    roots: Sequence[Path] = (),
    api_only: bool = False,
) -> None:
    """Feed chunks to the workers, at most a few per worker at a time (bounded memory)."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED
    from concurrent.futures.process import BrokenProcessPool

    from impactgraph.adapters.gc_pause import collector_paused
    from impactgraph.app import indexing_worker as worker
    from impactgraph.isolation import safe_children

    pending: dict[Future[list[Done]], list[Task]] = {}
    leftover: list[list[Task]] = []
    batch: list[Task] = []
    # The workers exit when this pipe's writing end closes: when this process ends, however.
    lifeline, alive = multiprocessing.Pipe(duplex=False)
    # Meanwhile this process only unpickles summaries: millions of acyclic objects that live
    # on, which the collector would scan again and again while the workers need the CPUs
    # (Django: 1.2 -> 0.5 s CPU here). Not what is left over: astroid's trees are cycles.
    with safe_children(roots), collector_paused():
        pool = _pool(workers, lifeline, api_only)
        submitted = 0
        try:
            for batch in _chunks(tasks, chunk):
                if submitted >= workers * CHUNKS_PER_WORKER:
                    # Fresh workers now and then: what astroid caches in a worker grows with
                    # every file it reads. The pool's chunks are finished first.
                    while pending:
                        _collect(pending, deliver, FIRST_COMPLETED)
                    pool.shutdown(wait=True)
                    pool = _pool(workers, lifeline, api_only)
                    submitted = 0
                pending[pool.submit(worker.summarize_chunk, batch, encode, api_only)] = batch
                submitted += 1
                batch = []
                while len(pending) >= workers * 3:
                    _collect(pending, deliver, FIRST_COMPLETED)
            while pending:
                _collect(pending, deliver, FIRST_COMPLETED)
        except BrokenProcessPool:
            # A worker died (killed for memory, say): finish here what it left undone.
            leftover = [batch, *pending.values(), *_chunks(tasks, chunk)]
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            lifeline.close()
            alive.close()
    for batch in leftover:
        deliver(_summarize_chunk(batch, encode, api_only))


_WAKE_SECONDS = 0.2


def _collect(
    pending: dict[Future[list[Done]], list[Task]],
    deliver: Callable[[list[Done]], None],
    how: str,
) -> None:
    from concurrent.futures import wait

    finished: set[Future[list[Done]]] = set()
    while not finished:
        # Woken every so often: a Ctrl-C the kernel gave to another thread (the pool's
        # manager) raises KeyboardInterrupt here only when this thread runs Python again.
        finished, _ = wait(pending, timeout=_WAKE_SECONDS, return_when=how)
    for future in finished:
        result = future.result()
        del pending[future]
        deliver(result)


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- the working tree -------------------------------------------------------------------------


def link_kept(
    summaries: Iterable[FileSummary], warnings: Iterable[Diagnostic] = (),
    jobs: int | None = None, store: GraphStore | None = None,
) -> CodeGraph:
    """``link``, its graph kept out of the cyclic collector's reach (frozen: it lives until
    the command ends). The linker pauses the collector, so everything it made is still in the
    youngest generation when it returns; the next collections then scanned the whole graph,
    generation by generation (Django: 1.0-2.5 s of the snapshot's encoding after a link, for
    nothing: a linked graph has no garbage). What was garbage in cycles before the link
    (astroid trees of files summarised in this process) is collected first, not frozen.

    ``store``: where what the standard library's methods call on ``self`` is kept between
    runs (``linker.stdlib_self``: reading its source cost Django's link 0.26-0.36 s CPU)."""
    from impactgraph.adapters.gc_pause import collector_paused
    from impactgraph.linker import link, stdlib_self

    known = store.stdlib_answers() if store is not None else {}
    stdlib_self.remember(known)
    with collector_paused(collect_first=True):
        graph = link(summaries, warnings, jobs)
    made = stdlib_self.made()
    if store is not None and made.keys() - known.keys():
        store.save_stdlib_answers({**known, **made})
    return graph


def index_directory(
    root: Path,
    config: Config | None = None,
    *,
    session: Session = NO_CACHE,
    progress: bool = False,
    want_summaries: bool = True,
    source_tree: Tree | None = None,
) -> IndexResult:
    """Index the working tree at ``root``, using and refreshing the session's cache.

    With a usable cache, the linked graph of a tree seen before is loaded rather than linked again;
    when the caller needs only the graph (``want_summaries=False``) and every file's content is
    known from the cache, not even the summaries are read (``summaries`` is then empty).
    ``source_tree``: the tree as ``read_tree`` read it with the same configuration (None:
    read here).
    """
    from impactgraph.adapters.fs import read_source
    from impactgraph.adapters.git import blob_id

    started = time.perf_counter()
    root = Path(root)
    cache = session.cache
    files, stats, known, skipped = (source_tree if source_tree is not None
                                    else read_tree(root, config, cache))
    fresh: dict[str, tuple[FileStat, str]] = {}
    hits_before, misses_before = cache.stats.hits, cache.stats.misses
    read_count = 0
    store = cache.graph_store(root)  # None unless the cache can be used
    if store is not None and not want_summaries and all(f.path in known for f in files):
        snapshot = store.load(_tree_key(files, known), _tree_files(files, known))
        if snapshot is not None:
            return IndexResult(snapshot, [], files, [*skipped, *snapshot.warnings],
                               time.perf_counter() - started, cache_hits=len(files))

    def read(path: str) -> bytes:
        nonlocal read_count
        data = read_source(root, path)
        read_count += 1
        if path in stats:
            fresh[path] = (stats[path], blob_id(data))
        return data

    if store is not None and not want_summaries:
        reused = _reuse_snapshot(files, known, read, session, store)
        if reused is not None:
            cache.remember_content_ids(fresh)
            cache.forget_files_except(f.path for f in files)
            return IndexResult(reused, [], files, [*skipped, *reused.warnings],
                               time.perf_counter() - started,
                               cache_hits=cache.stats.hits - hits_before,
                               cache_misses=cache.stats.misses - misses_before,
                               files_read=read_count)

    summaries, warnings = summarize_files(
        files, read, session=session, content_ids=known, progress=progress, source_root=root,
    )
    cache.remember_content_ids(fresh)
    cache.forget_files_except(f.path for f in files)
    from impactgraph.adapters.progress import Activity

    ids = {**known, **{path: content_id for path, (_, content_id) in fresh.items()}}
    tree = _tree_files(files, ids) if all(f.path in ids for f in files) else None
    key = _tree_key(files, ids) if tree is not None else None
    graph = store.load(key, tree) if store is not None and key is not None else None
    if graph is None:
        with Activity(f"Linking {len(summaries)} modules", enabled=progress):
            graph = link_kept(summaries, warnings, session.jobs, store)
        if store is not None and key is not None:
            store.save(key, graph, tree)
    else:
        graph.summaries.update((s.module, s) for s in summaries)
    return IndexResult(
        graph,
        summaries,
        files,
        [*skipped, *graph.warnings],
        time.perf_counter() - started,
        cache_hits=cache.stats.hits - hits_before,
        # without a cache every file is a miss; a cache says what it missed
        cache_misses=len(files) if isinstance(cache, NullCache) else (
            cache.stats.misses - misses_before),
        files_read=read_count,
    )
