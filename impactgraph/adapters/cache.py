"""The summary cache: ``<repo>/.impactgraph/cache.sqlite3``, keyed by file content.

Why SQLite rather than one file per entry: a cold run writes thousands of small entries,
which is slow on some file systems (Windows, network mounts, CI cache archives); SQLite keeps
them in one file, writes them in a few transactions, looks many keys up in one query, and lets
two runs share the cache safely (WAL journal, a busy timeout). It is in the standard library.

An entry is found by the file's content id (a git blob id: the caller's, or computed like
``git hash-object``), its module name, whether it is a package ``__init__``, and the
*analyzer fingerprint*: a hash of the source of the code that shapes summaries, the astroid
version and the Python minor version. A changed analyzer therefore never reads what an older
one wrote. Entries are JSON (``impactgraph.serialize``), so reading one never executes code.

Trust: the folder is used only when it is a real directory of ours that git does not track
(``cache_folder``), and every row carries a keyed hash (``cache_folder.mac``) of what it says,
made with a secret this user keeps outside every repository: a row written by anyone else, or
moved under another key, is a miss. Text that is not UTF-8 reads as a miss too.

Robustness: an entry that does not decode is a miss (and is overwritten); a database file
that is not a database is deleted and recreated; any other failure (a read-only folder, a
full disk) turns the cache off for the rest of the run with one warning.

Size: entries unused for ``MAX_AGE_DAYS`` days are pruned, and when the stored summaries
exceed ``MAX_BYTES`` the least recently used go first.

The cache also keeps a *stat index* (path, size, mtime, ctime, inode -> content id), as
git's index does, so a run over an unchanged working tree need not read any file to know
its content id.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import sqlite3
import stat as stat_module
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from impactgraph.adapters.cache_folder import (
    CACHE_DIR,
    Folder,
    UnsafeFolder,
    mac,
    open_cache_folder,
    same_mac,
)
from impactgraph.adapters.gc_pause import collector_paused
from impactgraph.errors import InputError
from impactgraph.model import CallSite, FileSummary
from impactgraph.serialize import SCHEMA_VERSION, SerializationError, summary_from_bytes
from impactgraph.serialize_calls import calls_from_bytes

if TYPE_CHECKING:
    from impactgraph.adapters.graph_store import GraphStore

DB_NAME = "cache.sqlite3"
DB_FILES = tuple(f"{DB_NAME}{suffix}" for suffix in ("", "-wal", "-shm", "-journal"))
GRAPHS_DIR = "graphs"
LAYOUT_VERSION = "2"  # 2: every row carries its tag (mac)
MAX_AGE_DAYS = 30
MAX_BYTES = 256 * 1024 * 1024
# A file changed less than this long before we looked at it may change again within the
# same mtime tick; it is not put in the stat index (git calls these "racily clean").
RACY_SECONDS = 2.0
_BATCH = 500  # keys per query: below SQLite's limit on bound parameters

# The modules whose source decides what a summary contains (relative to the package).
ANALYZER_SOURCES = ("model.py", "expressions.py", "serialize.py", "indexer")

Warn = Callable[[str], None]
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class CacheKey:
    content_id: str
    module: str
    is_package: bool
    # An API-only summary (``changes``: ``indexer/api.py``). Stored apart, under its own
    # analyzer fingerprint, so a full lookup never gets one; an API lookup is served by a
    # full summary too (it records the same API part).
    api: bool = False


@dataclass(frozen=True, slots=True)
class FileStat:
    """What the stat index compares to decide a file is unchanged."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, result: os.stat_result) -> FileStat:
        return cls(result.st_size, result.st_mtime_ns, result.st_ctime_ns, result.st_ino)


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    writes: int = 0


def analyzer_fingerprint(
    package: Path | None = None, sources: tuple[str, ...] = ANALYZER_SOURCES
) -> str:
    """Changes whenever the code, library or Python version that makes summaries changes.

    ``package``: the impactgraph package folder whose sources count (default: this one);
    ``sources``: the modules and folders of it that count.
    """
    package = package or Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    digest.update(f"schema {SCHEMA_VERSION}\0astroid {_astroid_version()}\0".encode())
    for name in sources:
        target = package / name
        files = sorted(target.glob("*.py")) if target.is_dir() else [target]
        for path in files:
            digest.update(str(path.relative_to(package)).encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:  # an installation without sources: nothing stable to key on
                digest.update(str(time.time()).encode())
            digest.update(b"\0")
    return digest.hexdigest()[:32]


def stat_files(root: Path, paths: Iterable[str]) -> dict[str, FileStat]:
    """The stat of each file under ``root`` that can be stat'ed (links are followed)."""
    stats: dict[str, FileStat] = {}
    for path in paths:
        with contextlib.suppress(OSError, ValueError):
            stats[path] = FileStat.of(os.stat(root / path))
    return stats


def _astroid_version() -> str:
    """astroid's version without importing it (a warm run needs no astroid at all)."""
    spec = importlib.util.find_spec("astroid")
    if spec is None or spec.origin is None:  # pragma: no cover - astroid is a dependency
        return "absent"
    try:
        info = Path(spec.origin).with_name("__pkginfo__.py").read_bytes()
        return hashlib.sha256(info).hexdigest()[:16]
    except OSError:  # pragma: no cover - an unusual installation: ask the package itself
        import astroid

        return str(astroid.__version__)


def cache_dir(root: Path, directory: Path | None = None) -> Path:
    """The cache folder of ``root``: ``directory`` when given (``resolve_cache_dir``)."""
    return Path(directory) if directory is not None else Path(root) / CACHE_DIR


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS summaries (
    analyzer TEXT NOT NULL, content TEXT NOT NULL, module TEXT NOT NULL,
    package INTEGER NOT NULL, data BLOB NOT NULL, size INTEGER NOT NULL, used INTEGER NOT NULL,
    mac TEXT NOT NULL,
    PRIMARY KEY (analyzer, content, module, package)
);
CREATE INDEX IF NOT EXISTS summaries_used ON summaries (used);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, content TEXT NOT NULL, mac TEXT NOT NULL
);
"""


def _today() -> int:
    return int(time.time() // 86400)


class SummaryCache:
    """Summaries by content; open with ``SummaryCache.open(root)``, close when done."""

    def __init__(
        self,
        connection: sqlite3.Connection | None,
        directory: Path,
        fingerprint: str,
        warn: Warn | None = None,
    ) -> None:
        self._db = connection
        self.directory = directory
        self.fingerprint = fingerprint
        self.api_fingerprint = f"api-{fingerprint}"
        self.stats = CacheStats()
        self.warnings: list[str] = []
        self._warn = warn
        self._touched: list[tuple[int, str, str, str, int]] = []
        self._decoded: dict[CacheKey, FileSummary] = {}

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        root: Path,
        *,
        warn: Warn | None = None,
        fingerprint: str | None = None,
        directory: Path | None = None,
    ) -> SummaryCache:
        """The cache of the repository at ``root`` (kept in ``directory``, default
        ``root/.impactgraph``); a disabled one if it cannot be used."""
        folder = cache_dir(root, directory)
        fingerprint = fingerprint or analyzer_fingerprint()
        cache = cls(None, folder, fingerprint, warn)
        try:
            cache._db = _connect(Path(root), folder)
        except UnsafeFolder as error:
            cache._disable(f"not using the cache in {folder}: {error}; going on without it")
        except (sqlite3.Error, OSError, UnicodeError) as error:
            cache._disable(f"cannot use the cache in {folder}: {_reason(error)}")
        return cache

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def graph_store(self, root: Path) -> GraphStore | None:
        """Where linked graphs of ``root`` are kept, beside the summaries; None when this
        cache cannot be used (then neither can its folder)."""
        if self._db is None:
            return None
        from impactgraph.adapters.graph_store import GraphStore

        return GraphStore(root, self.directory)

    def close(self) -> None:
        if self._db is None:
            return
        with self._guard("cannot update the cache"):
            self._flush_touched()
            if self.stats.writes:
                _prune(self._db, MAX_AGE_DAYS, MAX_BYTES)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __enter__(self) -> SummaryCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- summaries -----------------------------------------------------------------------
    def get_many(self, keys: Iterable[CacheKey]) -> dict[CacheKey, FileSummary]:
        """The cached summaries among ``keys``; undecodable entries count as misses.

        Summaries read or stored during this session are kept decoded (they are immutable),
        so the second revision of an analysis gets its unchanged files for free.
        """
        return self._read(keys, _decode, _whole, self._decoded.setdefault)

    def get_calls_many(self, keys: Iterable[CacheKey]) -> dict[CacheKey, Sequence[CallSite]]:
        """The calls of the cached summaries among ``keys`` (full ones: an API-only summary
        has none), their other fields left undecoded and each call decoded when read
        (``serialize_calls``): judging a call's binding reads one or two calls of each
        caller. A summary decoded in this session serves too; one read here is not kept."""
        return self._read([k for k in keys if not k.api], _decode_calls, _calls, None)

    def _read(
        self,
        keys: Iterable[CacheKey],
        decode: Callable[[bytes, CacheKey], _T | None],
        known_as: Callable[[FileSummary], _T],
        keep: Callable[[CacheKey, FileSummary], object] | None,
    ) -> dict[CacheKey, _T]:
        """What ``decode`` makes of the stored entries of ``keys``; a summary decoded in this
        session gives ``known_as`` of it; ``keep``: told of each entry decoded here."""
        wanted = list(dict.fromkeys(keys))
        found: dict[CacheKey, _T] = {}
        for key in wanted:
            known = self._decoded.get(key)
            if known is None and key.api:  # a full summary serves an API lookup
                known = self._decoded.get(_full(key))
            if known is not None:
                found[key] = known_as(known)
        if found:
            self.stats.hits += len(found)
            wanted = [key for key in wanted if key not in found]
        if self._db is None:
            self.stats.misses += len(wanted)
            return found
        by_content: dict[str, list[CacheKey]] = {}
        for key in wanted:
            by_content.setdefault(key.content_id, []).append(key)
        analyzers = [self.fingerprint]
        if any(key.api for key in wanted):
            analyzers.append(self.api_fingerprint)
        # decoding builds many acyclic objects: no collections meanwhile (see gc_pause)
        with self._guard("cannot read the cache"), collector_paused():
            for batch in _batches(list(by_content), _BATCH):
                placeholders = ",".join("?" * len(batch))  # only placeholders: no injection
                flavours = ",".join("?" * len(analyzers))
                rows = self._db.execute(
                    "SELECT analyzer, content, module, package, data, used, mac "  # noqa: S608
                    f"FROM summaries WHERE analyzer IN ({flavours}) "
                    f"AND content IN ({placeholders})",
                    (*analyzers, *batch),
                ).fetchall()
                # full summaries first: where both are stored, the full one serves
                rows.sort(key=lambda row: row[0] != self.fingerprint)
                for analyzer, content, module, package, data, used, tag in rows:
                    if not isinstance(content, str) or not isinstance(module, str):
                        continue
                    key = CacheKey(content, module, bool(package), analyzer != self.fingerprint)
                    asked = by_content.get(content, ())
                    if key not in asked and not (not key.api and _api(key) in asked):
                        continue
                    if not isinstance(data, bytes) or not same_mac(
                        _summary_mac(analyzer, key, data), tag
                    ):
                        continue  # not ours, or not for this content: a miss
                    value = decode(data, key)
                    if value is None:
                        continue
                    if key in asked:
                        found.setdefault(key, value)
                        if keep is not None and isinstance(value, FileSummary):
                            keep(key, value)
                    if not key.api and _api(key) in asked:
                        found.setdefault(_api(key), value)
                    if used < _today():
                        self._touched.append((_today(), analyzer, content, module, int(package)))
        fetched = sum(1 for key in wanted if key in found)
        self.stats.hits += fetched
        self.stats.misses += len(wanted) - fetched
        return found

    def put_many(
        self,
        entries: Iterable[tuple[CacheKey, bytes]],
        summaries: Mapping[CacheKey, FileSummary] | None = None,
    ) -> None:
        """Store serialized summaries (``serialize.summary_to_bytes``) in one transaction.

        ``summaries``: the same, decoded, to serve this session's later lookups directly.
        """
        if summaries:
            self._decoded.update(summaries)
        if self._db is None:
            return
        today = _today()
        rows = [
            (analyzer, key.content_id, key.module, int(key.is_package), data, len(data),
             today, _summary_mac(analyzer, key, data))
            for key, data in entries if _storable(key.module)
            for analyzer in [self.api_fingerprint if key.api else self.fingerprint]
        ]
        if not rows:
            return
        with self._guard("cannot write the cache"), _transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO summaries "
                "(analyzer, content, module, package, data, size, used, mac) "
                "VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )
            self.stats.writes += len(rows)

    # -- the stat index ------------------------------------------------------------------
    def known_content_ids(self, stats: Mapping[str, FileStat]) -> dict[str, str]:
        """Content ids of the files whose stat is what it was when they were last hashed."""
        if self._db is None or not stats:
            return {}
        known: dict[str, str] = {}
        with self._guard("cannot read the cache"):
            for path, size, mtime_ns, ctime_ns, inode, content, tag in self._db.execute(
                "SELECT path, size, mtime_ns, ctime_ns, inode, content, mac FROM files"
            ):
                current = stats.get(path)
                if (
                    current is not None
                    and current == FileStat(size, mtime_ns, ctime_ns, inode)
                    and isinstance(content, str)
                    and same_mac(_file_mac(path, current, content), tag)
                ):
                    known[path] = content
        return known

    def remember_content_ids(self, entries: Mapping[str, tuple[FileStat, str]]) -> None:
        """Record (stat before reading, content id) of files just read.

        Files modified within ``RACY_SECONDS`` are left out: another write in the same
        timestamp tick would not change their stat.
        """
        if self._db is None:
            return
        horizon = time.time_ns() - int(RACY_SECONDS * 1e9)
        rows = [
            (path, stat.size, stat.mtime_ns, stat.ctime_ns, stat.inode, content,
             _file_mac(path, stat, content))
            for path, (stat, content) in entries.items()
            if max(stat.mtime_ns, stat.ctime_ns) < horizon and _storable(path)
        ]
        if not rows:
            return
        with self._guard("cannot write the cache"), _transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO files "
                "(path, size, mtime_ns, ctime_ns, inode, content, mac) VALUES (?,?,?,?,?,?,?)",
                rows,
            )

    def forget_files_except(self, paths: Iterable[str]) -> None:
        """Drop stat-index rows of files that are gone (renamed, deleted, excluded)."""
        if self._db is None:
            return
        keep = set(paths)
        with self._guard("cannot update the cache"):
            stale = [
                (path,) for (path,) in self._db.execute("SELECT path FROM files")
                if path not in keep
            ]
            if stale:
                with _transaction(self._db):
                    self._db.executemany("DELETE FROM files WHERE path = ?", stale)

    # -- housekeeping --------------------------------------------------------------------
    def entry_count(self) -> int:
        if self._db is None:
            return 0
        with self._guard("cannot read the cache"):
            (count,) = self._db.execute("SELECT COUNT(*) FROM summaries").fetchone()
            return int(count)
        return 0

    def _flush_touched(self) -> None:
        if self._db is None or not self._touched:
            return
        with _transaction(self._db):
            self._db.executemany(
                "UPDATE summaries SET used = ? "
                "WHERE analyzer = ? AND content = ? AND module = ? AND package = ?",
                self._touched,
            )
        self._touched.clear()

    def prune(self, max_age_days: int = MAX_AGE_DAYS, max_bytes: int = MAX_BYTES) -> None:
        if self._db is None:
            return
        with self._guard("cannot update the cache"):
            self._flush_touched()
            _prune(self._db, max_age_days, max_bytes)

    # -- failures ------------------------------------------------------------------------
    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError, UnicodeError) as error:
            self._disable(f"{what} ({_reason(error)}); going on without it")
            if _is_corruption(error):  # the next run starts with a fresh file
                with contextlib.suppress(OSError, UnsafeFolder), Folder.open(
                    self.directory
                ) as folder:
                    _remove_database(folder)

    def _disable(self, message: str) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        if not self.warnings:  # one warning per run is enough
            self.warnings.append(message)
            if self._warn is not None:
                self._warn(message)


class NullCache:
    """The cache of a run without one (``--no-cache``, or no repository to keep one in): it
    holds nothing, finds nothing and keeps nothing. A caller always has a cache object, this
    one or a ``SummaryCache``, never None; ``enabled`` (False here) only saves the work of
    preparing lookups that cannot hit. It has no state, so one instance serves every run."""

    __slots__ = ()

    @property
    def enabled(self) -> bool:
        return False

    @property
    def stats(self) -> CacheStats:
        return CacheStats()

    def graph_store(self, root: Path) -> GraphStore | None:
        return None

    def get_many(self, keys: Iterable[CacheKey]) -> dict[CacheKey, FileSummary]:
        return {}

    def get_calls_many(self, keys: Iterable[CacheKey]) -> dict[CacheKey, Sequence[CallSite]]:
        return {}

    def put_many(
        self,
        entries: Iterable[tuple[CacheKey, bytes]],
        summaries: Mapping[CacheKey, FileSummary] | None = None,
    ) -> None:
        return None

    def known_content_ids(self, stats: Mapping[str, FileStat]) -> dict[str, str]:
        return {}

    def remember_content_ids(self, entries: Mapping[str, tuple[FileStat, str]]) -> None:
        return None

    def forget_files_except(self, paths: Iterable[str]) -> None:
        return None

    def close(self) -> None:
        return None


NULL_CACHE = NullCache()

Cache = SummaryCache | NullCache  # what a session holds


def _prune(db: sqlite3.Connection, max_age_days: int, max_bytes: int) -> None:
    with _transaction(db):
        db.execute("DELETE FROM summaries WHERE used < ?", (_today() - max_age_days,))
        (total,) = db.execute("SELECT COALESCE(SUM(size), 0) FROM summaries").fetchone()
        if total <= max_bytes:
            return
        excess = total - int(max_bytes * 0.8)  # leave room, so we do not prune every run
        doomed: list[tuple[int]] = []
        for rowid, size in db.execute("SELECT rowid, size FROM summaries ORDER BY used, rowid"):
            if excess <= 0:
                break
            doomed.append((rowid,))
            excess -= size
        db.executemany("DELETE FROM summaries WHERE rowid = ?", doomed)


def _full(key: CacheKey) -> CacheKey:
    return replace(key, api=False)


def _api(key: CacheKey) -> CacheKey:
    return replace(key, api=True)


def _summary_mac(fingerprint: str, key: CacheKey, data: bytes) -> str:
    return mac("summary", fingerprint, key.content_id, key.module, str(int(key.is_package)), data)


def _storable(path: str) -> bool:
    """Can SQLite hold ``path`` (or a module name made of one) as text? A file name that is
    not UTF-8 (``caf\\xe9.py``, kept as surrogate escapes) cannot: such a file is read and
    summarised again on every run instead."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _file_mac(path: str, stat: FileStat, content: str) -> str:
    return mac("file", path, f"{stat.size} {stat.mtime_ns} {stat.ctime_ns} {stat.inode}", content)


def _whole(summary: FileSummary) -> FileSummary:
    return summary


def _calls(summary: FileSummary) -> Sequence[CallSite]:
    return summary.calls


def _decode_calls(data: object, key: CacheKey) -> Sequence[CallSite] | None:
    """``_decode``'s checks, on the fields ``calls_from_bytes`` decodes."""
    if not isinstance(data, bytes):
        return None
    try:
        module, is_package, api_only, calls = calls_from_bytes(data)
    except (SerializationError, RecursionError, MemoryError):
        return None
    if module != key.module or is_package != key.is_package or (api_only and not key.api):
        return None  # a foreign entry that happens to sit under this key
    return calls


def _decode(data: object, key: CacheKey) -> FileSummary | None:
    if not isinstance(data, bytes):
        return None
    try:
        summary = summary_from_bytes(data)
    except (SerializationError, RecursionError, MemoryError):
        return None
    if (summary.module != key.module or summary.is_package != key.is_package
            or (summary.api_only and not key.api)):
        return None  # a foreign entry that happens to sit under this key
    return summary


def with_path(summary: FileSummary, path: str) -> FileSummary:
    """A cached summary for the file at ``path`` (the same content may have moved)."""
    return summary if summary.path == path else replace(summary, path=path)


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One explicit transaction (the connection is in autocommit mode otherwise)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _connect(root: Path, directory: Path) -> sqlite3.Connection:
    """The database in ``root``'s cache folder (``UnsafeFolder`` when it must not be used)."""
    with open_cache_folder(root, directory=directory) as folder:
        graphs = folder.lstat(GRAPHS_DIR)
        if graphs is not None and not stat_module.S_ISDIR(graphs.st_mode):
            raise UnsafeFolder(f"its {GRAPHS_DIR}/ is a symbolic link or not a directory")
        _clear_strays(folder)
        # SQLite follows links when it opens or creates its files: it finds regular ones.
        folder.write(DB_NAME, b"", 0o644, keep_existing=True)
        path = folder.path / DB_NAME
        try:
            return _open_database(path)
        except (sqlite3.DatabaseError, UnicodeError) as error:
            if not _is_corruption(error):
                raise  # locked, read-only, unable to open: not ours to delete
            _remove_database(folder)  # a truncated or foreign file: start afresh
            folder.write(DB_NAME, b"", 0o644, keep_existing=True)
            return _open_database(path)


def _clear_strays(folder: Folder) -> None:
    """Remove whatever has the name of a database file but is not a regular file."""
    for name in DB_FILES:
        info = folder.lstat(name)
        if info is not None and not stat_module.S_ISREG(info.st_mode):
            if stat_module.S_ISDIR(info.st_mode):
                raise UnsafeFolder(f"{name} in it is a directory")
            folder.remove(name)


def _is_corruption(error: BaseException) -> bool:
    """A damaged database file, as opposed to one we merely cannot use right now.

    (SQLite's message about a damaged schema may quote bytes that are not UTF-8: Python then
    raises ``UnicodeDecodeError`` in place of the error.)"""
    if isinstance(error, UnicodeError):
        return True
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.OperationalError
    )


def _used_by_us(folder: Folder) -> bool:
    """Whether a folder made by someone else (with a ``.gitignore`` of its own) holds a cache
    we wrote: our database, and a graphs folder, if any, holding only our snapshots."""
    head = folder.read_start(DB_NAME, 16)
    if head is None or not head.startswith(b"SQLite format 3\0"):
        return False
    if folder.lstat(GRAPHS_DIR) is None:
        return True
    from impactgraph.adapters.graph_store import (
        COUNTS_SUFFIX,
        FILES_SUFFIX,
        LEGACY_SNAPSHOT_SUFFIX,
        SNAPSHOT_SUFFIX,
        STDLIB_FILE,
    )

    ours = (SNAPSHOT_SUFFIX, LEGACY_SNAPSHOT_SUFFIX, COUNTS_SUFFIX, FILES_SUFFIX, ".tmp")
    with folder.sub(GRAPHS_DIR) as graphs:
        return all(name.endswith(ours) or name == STDLIB_FILE for name in graphs.names())


def _remove_database(folder: Folder) -> bool:
    removed = False
    for name in DB_FILES:
        removed = folder.remove(name) or removed
    return removed


def _open_database(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
    # text that is not UTF-8 (a damaged or foreign file) reads as text that matches no key
    connection.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(_SCHEMA)
        row = connection.execute("SELECT value FROM meta WHERE name = 'layout'").fetchone()
        if row is not None and row[0] != LAYOUT_VERSION:
            raise sqlite3.DatabaseError(f"cache layout {row[0]}, expected {LAYOUT_VERSION}")
        # Written on every open, so a read-only file fails now rather than halfway through.
        connection.execute(
            "INSERT OR REPLACE INTO meta (name, value) VALUES ('layout', ?)", (LAYOUT_VERSION,)
        )
    except BaseException:
        connection.close()
        raise
    return connection


def clear_cache(root: Path, directory: Path | None = None) -> bool:
    """Delete what impactgraph wrote in the cache folder of ``root`` (or ``directory``: the
    database, the graph snapshots, the folder's .gitignore, then the folder when empty); False
    when there was nothing. A folder that is a symbolic link is left alone (``InputError``)."""
    directory = cache_dir(root, directory)
    if not os.path.lexists(directory):
        return False
    try:
        with Folder.open(directory) as folder:
            ignore = folder.read(".gitignore", 4096)
            ours = ignore is not None and ignore.startswith(b"# Created by impactgraph")
            if directory != Path(root) / CACHE_DIR and not ours and not _used_by_us(folder):
                # a folder named by --cache-dir that we did not make: its graphs/ is not ours
                raise UnsafeFolder("impactgraph did not create it")
            removed = _remove_database(folder)
            removed = folder.remove_tree(GRAPHS_DIR) or removed
            for name in folder.names():
                if name.endswith(".tmp"):
                    removed = folder.remove(name) or removed
            if ours:
                removed = folder.remove(".gitignore") or removed
            left = folder.names()
        if not left:
            os.rmdir(directory)
    except UnsafeFolder as error:
        raise InputError(f"not a cache folder: {directory}: {error}", str(directory)) from None
    except OSError as error:
        raise InputError(f"cannot delete the cache in {directory}: {_reason(error)}",
                         str(directory)) from error
    return removed
