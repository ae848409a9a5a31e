"""Linked graphs kept under ``.impactgraph/graphs/``, keyed by the exact tree they describe.

Linking is the costly step once summaries are cached (5-6 s on Django), so a tree seen before
(the base of a pull request, an unchanged working tree) is loaded instead of linked again.

A snapshot is ``MAGIC``, a tag (``cache_folder.mac`` of the tree key and the compressed bytes)
and the zlib-compressed ``marshal`` of ``graph_to_dict``; its counts file is JSON with a tag of
its own. ``marshal``, not JSON: every warm query reads two snapshots, and ``marshal`` writes
one in a third of the time and reads it in two thirds (a 10,000-module graph: 0.16 against
0.40 s, and 0.18 against 0.29 s). It is read only once the tag verified that this user's
impactgraph wrote it for this tree, and the graph fingerprint holds the Python release, whose
``marshal`` format it is. Anything that does not verify or decode (a flipped bit, a truncated
file, data nested too deep, a snapshot written by someone else or for another tree) is a
miss: the tree is linked again and the files rewritten.
Files are written and read through ``cache_folder.Folder``: never through a link.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import platform
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from impactgraph.adapters.cache import ANALYZER_SOURCES, GRAPHS_DIR, analyzer_fingerprint
from impactgraph.adapters.cache_folder import (
    CACHE_DIR,
    GITIGNORE,
    Folder,
    UnsafeFolder,
    mac,
    same_mac,
)
from impactgraph.adapters.gc_pause import collector_paused
from impactgraph.linker import CodeGraph
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict
from impactgraph.linker.stdlib_self import Question, SelfCalls

KEEP = 6  # snapshots kept: the newest, by use
GRAPH_SOURCES = ("linker", "discovery.py", "local_imports.py")  # besides what shapes summaries
MAGIC = b"impactgraph graph snapshot 2\n"
TAG_BYTES = 64  # a hex SHA-256
MAX_STORED_BYTES = 512 * 1024 * 1024  # a snapshot file larger than this is not read
MAX_INFLATED_BYTES = 2 * 1024 * 1024 * 1024  # nor one that inflates to more than this
MAX_COUNTS_BYTES = 16 * 1024 * 1024
SNAPSHOT_SUFFIX = ".graph.z"
LEGACY_SNAPSHOT_SUFFIX = ".json.gz"  # gzip'd JSON, written before 2026-12-07: removed on sight
COUNTS_SUFFIX = ".counts.json"
FILES_SUFFIX = ".files.json"  # the tree a snapshot is of: what a later tree differs in
MAX_FILES_BYTES = 64 * 1024 * 1024
# what standard-library methods call on ``self``, for every tree (``stdlib_answers``)
STDLIB_FILE = "stdlib-self.json"
MAX_STDLIB_BYTES = 16 * 1024 * 1024

TreeFile = tuple[str, str, bool, str]  # path, module, is_package, content id


def graph_fingerprint(python: str = platform.python_version()) -> str:
    """Changes whenever the code that makes summaries, or links them, changes, or the
    interpreter's release (``python``: summaries are keyed by its minor version; the linker
    also reads its standard library's source, ``linker/stdlib_self.py``, which a patch
    release may change)."""
    code = analyzer_fingerprint(sources=(*ANALYZER_SOURCES, *GRAPH_SOURCES))
    return hashlib.sha256(f"{code}\0python {python}".encode()).hexdigest()[:32]


def tree_key(files: Iterable[TreeFile]) -> str:
    """The key of a tree: every (path, module, is_package, content id), and our fingerprint."""
    digest = hashlib.sha256(graph_fingerprint().encode())
    for path, module, is_package, content_id in sorted(files):
        digest.update(f"{path}\0{module}\0{is_package}\0{content_id}\n".encode(
            "utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


class GraphStore:
    """Linked graphs in ``graphs/`` of the cache folder (``directory``, default
    ``root/.impactgraph``: pass the summary cache's, so the two live side by side)."""

    def __init__(self, root: Path, directory: Path | None = None) -> None:
        self.root = Path(root)
        self.directory = Path(directory) if directory is not None else self.root / CACHE_DIR
        self.folder = self.directory / GRAPHS_DIR

    @contextlib.contextmanager
    def _open(self, create: bool) -> Iterator[Folder | None]:
        """The graphs folder; None when it is missing or must not be used (a link, say)."""
        try:
            with Folder.open(self.directory, create=create) as cache:
                if create and cache.lstat(".gitignore") is None:
                    # the folder made again (``cache clear`` while this run went on) ignores
                    # itself, as ``open_cache_folder`` makes it: git would offer it to commit
                    cache.write(".gitignore", GITIGNORE)
                with cache.sub(GRAPHS_DIR, create=create) as folder:
                    yield folder
        except (UnsafeFolder, OSError):
            yield None

    def load(self, key: str, files: Iterable[TreeFile] | None = None) -> CodeGraph | None:
        """The graph stored under ``key``; ``files``, the tree it is of, is recorded when
        it was not (a snapshot written before trees were)."""
        with self._open(create=False) as folder:
            if folder is None:
                return None
            graph = _read_snapshot(folder, key)
            if graph is None:
                return None
            folder.touch(key + SNAPSHOT_SUFFIX)  # recently used: kept longest
            if _read_counts(folder, key) is None:
                with contextlib.suppress(OSError):
                    _write_counts(folder, key, graph)
            if files is not None and folder.lstat(key + FILES_SUFFIX) is None:
                with contextlib.suppress(OSError):
                    _write_files(folder, key, sorted(files))
            return graph

    def save(self, key: str, graph: CodeGraph, files: Iterable[TreeFile] | None = None) -> None:
        """Keep ``graph`` under ``key``; with ``files`` (the tree ``key`` is of), a later
        tree that differs from it in a few files can start from this graph (``closest``)."""
        with self._open(create=True) as folder:
            if folder is None:
                return
            try:
                packed = zlib.compress(marshal.dumps(graph_to_dict(graph)), 3)
                tag = mac("graph", key, packed).encode("ascii")
                folder.write(key + SNAPSHOT_SUFFIX, MAGIC + tag + b"\n" + packed)
                _write_counts(folder, key, graph)
                if files is not None:
                    _write_files(folder, key, sorted(files))
                _prune(folder)
            except (OSError, ValueError):  # ValueError: a value marshal cannot write
                return  # an unwritable cache only costs time

    def closest(self, files: Iterable[TreeFile], most: int) -> list[tuple[str, dict[str, str]]]:
        """The stored snapshots of trees with the same files as ``files`` (paths, modules)
        whose contents differ in at most ``most`` of them, fewest first: each one's key, and
        the content id it had for each file that differs (path -> id)."""
        wanted = {path: (module, is_package, cid) for path, module, is_package, cid in files}
        found: list[tuple[int, str, dict[str, str]]] = []
        with self._open(create=False) as folder:
            if folder is None:
                return []
            for name in folder.names():
                if not name.endswith(FILES_SUFFIX):
                    continue
                key = name.removesuffix(FILES_SUFFIX)
                stored = _read_files(folder, key)
                if stored is None or len(stored) != len(wanted):
                    continue
                differs: dict[str, str] = {}
                for path, module, is_package, cid in stored:
                    mine = wanted.get(path)
                    if mine is None or mine[:2] != (module, is_package):
                        break
                    if mine[2] != cid:
                        differs[path] = cid
                        if len(differs) > most:
                            break
                else:
                    if differs and folder.lstat(key + SNAPSHOT_SUFFIX) is not None:
                        found.append((len(differs), key, differs))
        return [(key, differs) for _, key, differs in sorted(found, key=lambda f: f[:2])]

    def has(self, key: str) -> bool:
        """Is a snapshot of this tree stored (not yet verified: ``load`` may still miss)?"""
        with self._open(create=False) as folder:
            info = folder.lstat(key + SNAPSHOT_SUFFIX) if folder is not None else None
            return info is not None and stat.S_ISREG(info.st_mode)

    def load_counts(self, key: str) -> tuple[dict[str, int], list[tuple[str, str]]] | None:
        """The counts and warnings of a linked tree, without loading its graph."""
        with self._open(create=False) as folder:
            if folder is None:
                return None
            found = _read_counts(folder, key)
            info = folder.lstat(key + SNAPSHOT_SUFFIX)
            if found is None or info is None or not stat.S_ISREG(info.st_mode):
                return None
            folder.touch(key + SNAPSHOT_SUFFIX)
            return found

    def stdlib_answers(self) -> dict[Question, SelfCalls | None]:
        """What standard-library methods call on ``self`` (``linker.stdlib_self``), as
        earlier runs of this interpreter and linker worked it out; {} when none did (or the
        file does not verify)."""
        with self._open(create=False) as folder:
            raw = folder.read(STDLIB_FILE, MAX_STDLIB_BYTES) if folder is not None else None
        if raw is None:
            return {}
        try:
            data = json.loads(raw)
            body, key = data["answers"], _stdlib_key()
            if (not isinstance(body, str) or data["key"] != key
                    or not same_mac(mac("stdlib", key, body), data["mac"])):
                return {}
            return dict(_answer(item) for item in json.loads(body))
        except Exception:  # any failure to decode is a miss, whatever it is
            return {}

    def save_stdlib_answers(self, answers: Mapping[Question, SelfCalls | None]) -> None:
        """Keep ``answers`` (all of them: this replaces what was kept)."""
        items = sorted(
            [list(bases), method, None if found is None
             else [sorted(found.names), sorted(found.registries)]]
            for (bases, method), found in answers.items())
        body = json.dumps(items, separators=(",", ":"))
        key = _stdlib_key()
        data = {"key": key, "answers": body, "mac": mac("stdlib", key, body)}
        with self._open(create=True) as folder:
            if folder is not None:
                with contextlib.suppress(OSError):  # an unwritable cache only costs time
                    folder.write(STDLIB_FILE, json.dumps(data).encode("utf-8"))


def _stdlib_key() -> str:
    """The interpreter whose standard library was read (its exact build and where it lives),
    and the linker that read it."""
    return hashlib.sha256(
        f"{graph_fingerprint()}\0{sys.version}\0{sys.base_prefix}".encode()).hexdigest()[:32]


def _answer(item: Any) -> tuple[Question, SelfCalls | None]:
    bases, method, found = item
    if not (isinstance(bases, list) and all(isinstance(b, str) for b in bases)
            and isinstance(method, str)):
        raise ValueError("not a question")
    if found is None:
        return (tuple(bases), method), None
    names, registries = found
    if not (isinstance(names, list) and isinstance(registries, list)
            and all(isinstance(n, str) for n in [*names, *registries])):
        raise ValueError("not an answer")
    return (tuple(bases), method), SelfCalls(frozenset(names), frozenset(registries))


def _read_snapshot(folder: Folder, key: str) -> CodeGraph | None:
    raw = folder.read(key + SNAPSHOT_SUFFIX, MAX_STORED_BYTES)
    if raw is None or not raw.startswith(MAGIC):
        return None
    tag, packed = raw[len(MAGIC):len(MAGIC) + TAG_BYTES], raw[len(MAGIC) + TAG_BYTES + 1:]
    if not same_mac(mac("graph", key, packed), tag.decode("ascii", "replace")):
        return None  # damaged, written by someone else, or for another tree
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_INFLATED_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            return None  # too large, or truncated
        with collector_paused():  # millions of acyclic objects: see gc_pause
            # the tag verified above: this user's impactgraph wrote these bytes for this tree
            return graph_from_dict(marshal.loads(data))  # noqa: S302
    except Exception:  # any failure to decode is a miss, whatever it is
        return None


def _counts_body(counts: Any, warnings: Any) -> str:
    return json.dumps([counts, warnings], sort_keys=True, separators=(",", ":"))


def _write_counts(folder: Folder, key: str, graph: CodeGraph) -> None:
    counts = graph.counts()
    warnings = [[w.path, w.message] for w in graph.warnings]
    summary = {"counts": counts, "warnings": warnings,
               "mac": mac("counts", key, _counts_body(counts, warnings))}
    folder.write(key + COUNTS_SUFFIX, json.dumps(summary).encode("utf-8"))


def _read_counts(folder: Folder, key: str) -> tuple[dict[str, int], list[tuple[str, str]]] | None:
    raw = folder.read(key + COUNTS_SUFFIX, MAX_COUNTS_BYTES)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        if not same_mac(mac("counts", key, _counts_body(data["counts"], data["warnings"])),
                        data["mac"]):
            return None
        counts = {str(k): int(v) for k, v in data["counts"].items()}
        warnings = [(str(p), str(m)) for p, m in data["warnings"]]
    except Exception:  # any failure to decode is a miss, whatever it is
        return None
    return counts, warnings


def _write_files(folder: Folder, key: str, files: list[TreeFile]) -> None:
    body = json.dumps(files, separators=(",", ":"))
    folder.write(key + FILES_SUFFIX,
                 json.dumps({"files": body, "mac": mac("files", key, body)}).encode("utf-8"))


def _read_files(folder: Folder, key: str) -> list[TreeFile] | None:
    """The tree a snapshot is of, when its file verifies and is that tree's (its key)."""
    raw = folder.read(key + FILES_SUFFIX, MAX_FILES_BYTES)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        body = data["files"]
        if not isinstance(body, str) or not same_mac(mac("files", key, body), data["mac"]):
            return None
        files = [(str(p), str(m), bool(k), str(c)) for p, m, k, c in json.loads(body)]
    except Exception:  # any failure to decode is a miss, whatever it is
        return None
    return files if tree_key(files) == key else None


def _prune(folder: Folder) -> None:
    snapshots = []
    for name in folder.names():
        info = folder.lstat(name)
        if name.endswith(LEGACY_SNAPSHOT_SUFFIX):  # never read again
            _remove_snapshot(folder, name.removesuffix(LEGACY_SNAPSHOT_SUFFIX),
                             LEGACY_SNAPSHOT_SUFFIX)
        elif name.endswith(SNAPSHOT_SUFFIX) and info is not None:
            snapshots.append((info.st_mtime_ns, name))
    for _, stale in sorted(snapshots)[:-KEEP]:
        _remove_snapshot(folder, stale.removesuffix(SNAPSHOT_SUFFIX), SNAPSHOT_SUFFIX)


def _remove_snapshot(folder: Folder, key: str, suffix: str) -> None:
    for name in (key + suffix, key + COUNTS_SUFFIX, key + FILES_SUFFIX):
        folder.remove(name)
