"""The source files of one revision (or of the working tree), read without checking out.

A ``Snapshot`` knows which files make up the code base at that point, the module name of
each, and a content id per file (the git blob id), so that an unchanged file is recognised
without reading it and its summary can be reused.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from impactgraph.adapters.fs import MAX_FILE_BYTES, read_bounded
from impactgraph.adapters.git import GitRepo, blob_id
from impactgraph.config import MAX_CONFIG_BYTES, Config, build_written_files
from impactgraph.discovery import PROJECT_FILES, SourceFile, discover
from impactgraph.errors import InputError

WORKTREE = "WORKTREE"  # the revision name of the working tree in reports

Reader = Callable[[str], bytes]
BlobLoader = Callable[[Iterable[str]], Mapping[str, bytes]]


@dataclass(frozen=True, slots=True)
class Snapshot:
    revision: str  # as the user named it, or WORKTREE
    commit: str | None  # the resolved commit id; None for the working tree
    files: tuple[SourceFile, ...]
    content_ids: Mapping[str, str]  # path -> content id (git blob id)
    load: BlobLoader = field(repr=False, compare=False)  # content ids -> bytes

    @property
    def is_worktree(self) -> bool:
        return self.commit is None

    @property
    def by_path(self) -> dict[str, SourceFile]:
        return {f.path: f for f in self.files}

    def reader(self, paths: Sequence[str], loaded: Mapping[str, bytes] | None = None) -> Reader:
        """A reader for ``paths``, whose contents are all fetched at once (one git process),
        at the first read: a caller served from the cache never starts that process.
        ``loaded``: contents fetched before (content id -> bytes), read from instead."""
        ids = {p: self.content_ids[p] for p in paths if p in self.content_ids}
        blobs = loaded

        def read(path: str) -> bytes:
            nonlocal blobs
            if blobs is None:
                blobs = self.load(ids.values())
            content_id = ids.get(path)
            data = blobs.get(content_id) if content_id is not None else None
            if data is None:
                raise InputError(f"not in {self.revision}: {path}", path)
            if len(data) > MAX_FILE_BYTES:
                # a working-tree file is read only up to one byte past the limit
                size = (f"{len(data)} bytes" if len(data) > MAX_FILE_BYTES + 1
                        else f"more than {MAX_FILE_BYTES} bytes")
                raise InputError(f"file too large to analyse ({size})", path)
            return data

        return read


# What a snapshot lists: the source files, and the project files that say where a flat
# layout's packages are imported from.
LISTED = (".py", *PROJECT_FILES)


def revision_snapshot(
    repo: GitRepo, revision: str, config: Config, commit: str | None = None
) -> Snapshot:
    """The source files of a committed ``revision``; ``commit``, when given, is the commit read
    (the merge base a ``--base`` revision stands for), ``revision`` only its name in reports."""
    commit = commit or repo.resolve(revision)
    tree = repo.tree_files(commit, LISTED)
    files = _discover(tree, config)
    ids = {f.path: tree[f.path] for f in files}
    return Snapshot(revision, commit, tuple(files), ids, repo.read_blobs)


def worktree_snapshot(repo: GitRepo, config: Config) -> Snapshot:
    """Tracked and untracked (non-ignored) source files as they are on disk now, and those
    a sparse checkout leaves out of the working tree as the index has them (they are not
    deleted: taken for gone, every one was a breaking ``module-removed`` on a clean tree)."""
    skipped = repo.skipped_paths(LISTED)
    files = _discover([*repo.worktree_paths(LISTED), *skipped], config)
    contents: dict[str, bytes] = {}
    ids: dict[str, str] = {}
    present: list[SourceFile] = []
    for source_file in files:
        if source_file.path in skipped:
            ids[source_file.path] = skipped[source_file.path]
            present.append(source_file)
            continue
        try:
            # a regular file, never more than the reader would take; a link (listed only
            # when it ends at a regular file of the tree) is read at its target
            path = repo.root / source_file.path
            data = read_bounded(os.path.realpath(path) if path.is_symlink() else path)
        except (OSError, InputError):  # vanished, or replaced, while we listed
            continue
        content_id = blob_id(data)
        ids[source_file.path] = content_id
        contents[content_id] = data
        present.append(source_file)

    def load(wanted: Iterable[str]) -> Mapping[str, bytes]:
        wanted = list(wanted)
        found = {i: contents[i] for i in wanted if i in contents}
        rest = [i for i in wanted if i not in contents]
        if rest:  # the index's blobs of files a sparse checkout left out
            found.update(repo.read_blobs(rest))
        return found

    return Snapshot(WORKTREE, None, tuple(present), ids, load)


def with_build_written(head: Snapshot, base: Snapshot, repo: GitRepo) -> Snapshot:
    """``head``, plus the base's files that ``head`` lacks and that its build back-end writes
    (the version module hatch-vcs or setuptools-scm make from git's tags: urllib3 2.2.3's
    sdist left out ``src/urllib3/_version.py``, which 2.2.2's had). What the project's
    install gives back is not removed: taken for gone, every importer of it was broken."""
    missing = {f.path: f for f in base.files if f.path not in head.content_ids}
    if not missing:
        return head
    folders: set[str] = set()  # each missing file's folder and those above it, once
    for path in missing:
        folder = posixpath.dirname(path)
        while folder not in folders:
            folders.add(folder)
            if not folder:
                break
            folder = posixpath.dirname(folder)
    projects = {posixpath.join(folder, "pyproject.toml"): folder for folder in folders}
    written: set[str] = set()
    for project, text in _project_texts(head, repo, projects).items():
        written.update(posixpath.join(projects[project], p) for p in build_written_files(text))
    carried = [missing[path] for path in sorted(written & missing.keys())]
    if not carried:
        return head
    ids = {**head.content_ids, **{f.path: base.content_ids[f.path] for f in carried}}
    files = tuple(sorted((*head.files, *carried), key=lambda f: f.path))
    return Snapshot(head.revision, head.commit, files, ids, head.load)


def _project_texts(snapshot: Snapshot, repo: GitRepo, paths: Iterable[str]) -> dict[str, str]:
    """The texts of the project files among ``paths`` that ``snapshot`` has (a revision's in
    one read of git's objects), leaving out any too large to be one."""
    found: dict[str, bytes] = {}
    if snapshot.commit is None:
        for path in paths:
            with contextlib.suppress(OSError, InputError):  # none there, or no regular file
                found[path] = read_bounded(repo.root / path, MAX_CONFIG_BYTES)
    else:
        tree = repo.tree_files(snapshot.commit, LISTED)
        blobs = {path: tree[path] for path in paths if path in tree}
        contents = repo.read_blobs(blobs.values()) if blobs else {}
        found = {path: contents.get(blob, b"") for path, blob in blobs.items()}
    return {path: data.decode("utf-8", "replace") for path, data in found.items()
            if len(data) <= MAX_CONFIG_BYTES}


_DISCOVERED: dict[tuple[tuple[str, ...], ...], list[SourceFile]] = {}


def _discover(paths: Iterable[str], config: Config) -> list[SourceFile]:
    """``discover``, remembering its last answer: the two revisions of a query usually list
    the same files (a tenth of a second each for 10,000 of them), and it depends only on
    which paths there are (it sorts them)."""
    key = (tuple(sorted(paths)), tuple(config.source_roots), tuple(config.exclude),
           tuple(config.import_paths), tuple(config.test_patterns))
    found = _DISCOVERED.get(key)
    if found is None:
        found = discover(key[0], config.source_roots, config.exclude, config.import_paths,
                         config.test_patterns)
        _DISCOVERED.clear()  # one answer kept: a long-lived process sees many trees
        _DISCOVERED[key] = found
    return list(found)
