"""Git, through one subprocess wrapper: revisions, trees, blobs, renames, the working tree.

Nothing is ever checked out: files of a revision are read as blobs (``git cat-file --batch``,
one process for any number of them). Every failure becomes a ``GitError`` with one clear line.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import stat
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from impactgraph.errors import GitError

# git's own wording, which we match to tell failures apart; pinned by LC_ALL=C below.
_NOT_A_REPO = "not a git repository"
_BAD_REVISION = ("unknown revision", "bad revision", "not a valid object name", "bad object",
                 "invalid object name", "needed a single revision")
_NOT_A_COMMIT = re.compile(r"expected commit type, but the object dereferences to (\w+) type")
_UNSHALLOW_HINT = "run `git fetch --unshallow` (or use `fetch-depth: 0` in actions/checkout)"


class PathStatus(str, Enum):
    ADDED = "added"
    DELETED = "deleted"
    MODIFIED = "modified"
    RENAMED = "renamed"
    COPIED = "copied"
    TYPE_CHANGED = "type-changed"


@dataclass(frozen=True, slots=True)
class PathChange:
    """One line of ``git diff --name-status``: ``old_path`` is None for an added file."""

    status: PathStatus
    old_path: str | None
    new_path: str | None
    similarity: int | None = None  # renames and copies: git's similarity percentage


_STATUS = {
    "A": PathStatus.ADDED,
    "D": PathStatus.DELETED,
    "M": PathStatus.MODIFIED,
    "R": PathStatus.RENAMED,
    "C": PathStatus.COPIED,
    "T": PathStatus.TYPE_CHANGED,
}


def blob_id(data: bytes) -> str:
    """The object id ``git hash-object`` gives ``data`` (a free content hash)."""
    header = b"blob %d\0" % len(data)
    return hashlib.sha1(header + data, usedforsecurity=False).hexdigest()


class GitRepo:
    """One git repository; ``path`` may be any folder inside its working tree."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise GitError(f"not a directory: {self.path}")
        top = os.fsdecode(self._git("rev-parse", "--show-toplevel"))
        self.root = Path(top.strip())
        # commit ids known to name commits: a revision resolved to itself needs no second git
        # process (a command resolves the same ids several times: merge base, trees, diff)
        self._commits: set[str] = set()
        # What a command asks again, listed once (an impact query on the working tree lists it
        # three times, 0.1 s each on 10,000 files, and the base's tree twice): a commit's
        # regular files, (path, blob id), by commit id; the working tree's files as git first
        # listed them, and which of them are regular files (looked at once each).
        self._trees: dict[str, list[tuple[str, str]]] = {}
        self._worktree: list[str] | None = None
        self._regular: dict[str, bool] = {}
        self._skipped: dict[str, str] | None = None  # ``skipped_paths``

    def tracks(self, pathspec: str) -> bool:
        """Does git track any file matching ``pathspec`` (relative to ``path``)?"""
        return bool(self._git("ls-files", "-z", "--", pathspec).strip(b"\0"))

    # -- the one wrapper -------------------------------------------------------------------
    def _git(self, *args: str, input: bytes | None = None, revision: str | None = None) -> bytes:
        """Run ``git args`` in the repository; its failure becomes a one-line ``GitError``.

        ``revision`` names the revision the command is about, for the error message.
        """
        try:
            completed = subprocess.run(
                ["git", *args],
                cwd=self.path,
                input=input,
                capture_output=True,
                env=_git_env(),
                check=False,
            )
        except FileNotFoundError:
            raise GitError("git is not installed (or not on PATH)") from None
        except OSError as error:
            raise GitError(f"cannot run git: {error.strerror or error}") from None
        if completed.returncode != 0:
            raise self._error(args, completed.stderr, revision)
        return completed.stdout

    def _error(self, args: tuple[str, ...], stderr: bytes, revision: str | None) -> GitError:
        text = stderr.decode("utf-8", "replace").strip()
        lowered = text.lower()
        if _NOT_A_REPO in lowered:
            return GitError(f"not a git repository: {self.path}")
        if "dubious ownership" in lowered:
            # a container's checkout owned by another user (CI): git's own remedy, on one line
            remedy = next((line.strip() for line in text.splitlines()
                           if "safe.directory" in line and "git config" in line),
                          "git config --global --add safe.directory <path>")
            return GitError(f"git refuses the repository at {os.path.abspath(self.path)}: "
                            f"another user owns it (dubious ownership); if you trust it: {remedy}")
        if revision is not None and (not text or any(m in lowered for m in _BAD_REVISION)):
            return self._unknown_revision(revision)
        kind = _NOT_A_COMMIT.search(text)
        if revision is not None and kind is not None:
            # a tree or blob id (`git rev-parse HEAD^{tree}`) where a commit is wanted
            return GitError(f"revision '{revision}' names a {kind.group(1)}, not a commit",
                            revision)
        first = next((line for line in text.splitlines() if line.strip()), "no message")
        return GitError(f"git {args[0]} failed: {first.removeprefix('fatal: ')}", revision)

    def _unknown_revision(self, revision: str) -> GitError:
        if self.is_shallow():
            return GitError(
                f"revision '{revision}' is not in this shallow clone; {_UNSHALLOW_HINT}",
                revision,
                shallow=True,
            )
        if not self.has_commits():
            return GitError(f"unknown revision '{revision}': the repository has no commits yet",
                            revision)
        return GitError(f"unknown revision '{revision}'", revision)

    # -- revisions -------------------------------------------------------------------------
    def is_shallow(self) -> bool:
        try:
            answer = self._git("rev-parse", "--is-shallow-repository")
        except GitError:
            return False
        return answer.strip() == b"true"

    def has_commits(self) -> bool:
        """Whether any branch, tag or ``HEAD`` names a commit (not so on an unborn branch)."""
        try:
            answer = self._git("rev-list", "-n", "1", "--all")
        except GitError:
            return True  # cannot tell: say nothing more
        return bool(answer.strip())

    def resolve(self, revision: str) -> str:
        """The commit id ``revision`` names; ``GitError`` naming it when there is none."""
        if not revision or revision.startswith("-"):
            raise GitError(f"unknown revision '{revision}'", revision)
        if revision in self._commits:
            return revision
        out = self._git(
            "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", revision=revision
        )
        sha = out.decode("ascii", "replace").strip()
        if not sha:
            raise self._unknown_revision(revision)
        self._commits.add(sha)
        return sha

    def merge_base(self, revision: str, head: str | None) -> str:
        """The commit a branch at ``head`` (None: ``HEAD``) was cut from ``revision``.

        What ``git diff revision...head`` and a pull request compare from: commits that landed
        on ``revision`` after the branch point are not the branch's changes.
        """
        base_sha = self.resolve(revision)
        head_sha = self.resolve(head if head is not None else "HEAD")
        try:
            out = self._git("merge-base", base_sha, head_sha)
        except GitError:
            out = b""  # exit 1, nothing printed: no common ancestor
        sha = out.decode("ascii", "replace").strip()
        if sha:
            return sha
        named = head if head is not None else "HEAD"
        if self.is_shallow():
            raise GitError(
                f"no merge base of '{revision}' and '{named}' in this shallow clone; "
                f"{_UNSHALLOW_HINT}",
                revision,
                shallow=True,
            )
        raise GitError(
            f"'{revision}' and '{named}' have no common ancestor (unrelated histories): "
            "nothing to compare from"
        )

    # -- trees and blobs -------------------------------------------------------------------
    def tree_files(self, revision: str, suffix: str | tuple[str, ...] = ".py") -> dict[str, str]:
        """``{path: blob id}`` of the regular files of ``revision`` ending in ``suffix``.

        A symbolic link to a regular file of the tree is that file under its own name (a
        module kept as an alias of another: ``compat.py -> core.py``); other links (to
        nothing, out of the tree) and submodules are left out: not source of this repository.
        """
        sha = self.resolve(revision)
        listed = self._trees.get(sha)
        if listed is None:
            out = self._git("ls-tree", "-r", "-z", "--full-tree", sha, revision=revision)
            listed = []
            links: dict[str, str] = {}  # path -> the link's blob (its target's path)
            for entry in out.split(b"\0"):
                if not entry:
                    continue
                meta, _, raw_path = entry.partition(b"\t")
                mode, kind, object_id = meta.split(b" ")
                if kind == b"blob" and mode == b"120000":
                    links[os.fsdecode(raw_path)] = object_id.decode("ascii")
                elif kind == b"blob":
                    listed.append((os.fsdecode(raw_path),
                                   object_id.decode("ascii")))
            if links:
                listed += _linked_files(dict(listed), links, self.read_blobs(links.values()))
            self._trees[sha] = listed
        return {path: object_id for path, object_id in listed if path.endswith(suffix)}

    def read_blobs(self, ids: Iterable[str]) -> dict[str, bytes]:
        """The contents of many blobs, through one ``git cat-file --batch`` process."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        out = self._git("cat-file", "--batch", input="".join(f"{i}\n" for i in wanted).encode())
        blobs: dict[str, bytes] = {}
        position = 0
        for requested in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].decode("ascii", "replace").split(" ")
            position = end + 1
            if len(header) != 3:  # "<id> missing" (or ambiguous)
                raise GitError(f"git object {requested} is missing from the repository")
            size = int(header[2])
            blobs[requested] = out[position : position + size]
            position += size + 1  # the contents are followed by a newline
        return blobs

    # -- changes ---------------------------------------------------------------------------
    def changed_paths(self, base: str, head: str | None) -> list[PathChange]:
        """Files that differ between ``base`` and ``head`` (None: the working tree), with renames.

        Untracked files are not seen here (git does not diff them); ``worktree_files`` lists them.
        """
        base_sha = self.resolve(base)
        args = ["diff", "-M", "-z", "--name-status", "--no-color", "--no-ext-diff", base_sha]
        if head is not None:
            args.append(self.resolve(head))
        args.append("--")
        fields = self._git(*args).split(b"\0")
        changes: list[PathChange] = []
        index = 0
        while index < len(fields) and fields[index]:
            code = fields[index].decode("ascii", "replace")
            letter = code[:1]
            status = _STATUS.get(letter, PathStatus.MODIFIED)
            if letter in ("R", "C"):
                old, new = (
                    os.fsdecode(f) for f in fields[index + 1 : index + 3]
                )
                similarity = int(code[1:]) if code[1:].isdigit() else None
                changes.append(PathChange(status, old, new, similarity))
                index += 3
                continue
            path = os.fsdecode(fields[index + 1])
            if status is PathStatus.ADDED:
                changes.append(PathChange(status, None, path))
            elif status is PathStatus.DELETED:
                changes.append(PathChange(status, path, None))
            else:
                changes.append(PathChange(status, path, path))
            index += 2
        return changes

    def renames(self, base: str, head: str | None) -> dict[str, str]:
        """``{old path: new path}`` of the files git sees as moved between the two."""
        return {
            c.old_path: c.new_path
            for c in self.changed_paths(base, head)
            if c.status is PathStatus.RENAMED and c.old_path and c.new_path
        }

    # -- the working tree ------------------------------------------------------------------
    def worktree_paths(self, suffix: str | tuple[str, ...] = ".py") -> list[str]:
        """Tracked and untracked, non-ignored files that exist on disk, relative to the root,
        as this object first listed them: one command sees one working tree."""
        if self._worktree is None:
            out = self._git(
                "-C", str(self.root), "ls-files", "-z", "--cached", "--others",
                "--exclude-standard",
            )
            self._worktree = list(dict.fromkeys(
                os.fsdecode(p) for p in out.split(b"\0") if p
            ))
        root, regular = str(self.root), self._regular
        found = []
        for path in self._worktree:
            if path.endswith(suffix):
                known = regular.get(path)
                if known is None:
                    known = regular[path] = _is_regular(os.path.join(root, path), root)
                if known:
                    found.append(path)
        return found

    def skipped_paths(self, suffix: str | tuple[str, ...] = ".py") -> dict[str, str]:
        """``{path: blob id}`` of the index's files a sparse checkout leaves out of the
        working tree (the skip-worktree bit) and that are not on disk: not deleted, only not
        checked out (``git status`` is clean); their content is the index's. The index is
        read for them only when a file git lists is missing from the disk (one more git
        process otherwise, on every working-tree query)."""
        self.worktree_paths(suffix)  # lists the tree, and looks at each file once
        root, regular = str(self.root), self._regular
        if not any(path.endswith(suffix) and not regular.get(path, True)
                   and not os.path.lexists(os.path.join(root, path))
                   for path in self._worktree or ()):
            return {}
        if self._skipped is None:
            out = self._git("-C", str(self.root), "ls-files", "-z", "-t", "-s")
            self._skipped = {}
            for entry in out.split(b"\0"):
                head, _, raw_path = entry.partition(b"\t")
                fields = head.split(b" ")
                if len(fields) == 4 and fields[0] == b"S" and raw_path:
                    self._skipped[os.fsdecode(raw_path)] = fields[2].decode("ascii")
        return {path: blob for path, blob in self._skipped.items()
                if path.endswith(suffix) and not os.path.lexists(os.path.join(root, path))}

    def worktree_files(self, suffix: str = ".py") -> dict[str, bytes]:
        """``{path: bytes}`` of the working tree's source files, as on disk now."""
        files: dict[str, bytes] = {}
        for path in self.worktree_paths(suffix):
            data = _read_file(self.root / path)
            if data is not None:  # None: removed while we were listing
                files[path] = data
        return files


def _git_env() -> dict[str, str]:
    """The environment git runs in: the C locale, no optional locks, and the caller's
    ``GIT_DIR`` and ``GIT_WORK_TREE`` dropped (the repository is the one asked about)."""
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C", "GIT_OPTIONAL_LOCKS": "0"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env


def git_dir_of(path: str | Path) -> str | None:
    """The real path of the git directory of the repository ``path`` is in (``.git``, a
    bare repository itself, a worktree's folder under ``.git/worktrees``); None outside any
    repository, or without git. Git runs as ``GitRepo._git`` runs it (``_git_env``)."""
    try:
        done = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=path,
                              capture_output=True, env=_git_env(), check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return os.path.realpath(os.fsdecode(done.stdout.strip()))


def _linked_files(files: dict[str, str], links: dict[str, str], targets: dict[str, bytes]
                  ) -> list[tuple[str, str]]:
    """(link path, blob id) of the symbolic links (``links``: path -> the link's blob,
    whose content, in ``targets``, is the path it points to) that end, through at most a few
    links, at a regular file of the tree (``files``: path -> blob id)."""
    found: list[tuple[str, str]] = []
    for path in links:
        current, blob = path, None
        for _ in range(8):  # a chain of links; a loop ends here
            target = targets.get(links[current]) if current in links else None
            if target is None or target.startswith(b"/"):
                break
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(current),
                                                       os.fsdecode(target)))
            if joined.startswith("../") or joined == "..":
                break  # out of the tree
            if joined in files:
                blob = files[joined]
                break
            current = joined
        if blob is not None:
            found.append((path, blob))
    return found


def _is_regular(path: str, root: str | None = None) -> bool:
    """A regular file: one lstat (not two stats through pathlib); with ``root``, also a
    relative symbolic link to a regular file inside ``root`` (``tree_files`` reads such a
    link as its target: a module kept as an alias of another)."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISREG(mode):
            return True
        if root is None or not stat.S_ISLNK(mode) or os.path.isabs(os.readlink(path)):
            return False  # (an absolute link names a place, not a file of the tree)
        target, top = os.path.realpath(path), os.path.realpath(root)
        return target.startswith(top + os.sep) and stat.S_ISREG(os.stat(target).st_mode)
    except (OSError, ValueError):  # gone, or a name the system cannot take
        return False


def _read_file(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
