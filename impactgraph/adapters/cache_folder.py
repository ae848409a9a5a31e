"""The folder the cache lives in, and the only way impactgraph writes (or reads) files there.

``<root>/.impactgraph`` (or the folder named by ``--cache-dir`` / ``IMPACTGRAPH_CACHE_DIR``, which
may be outside the repository: a CI runner's temporary folder, say) is used only when it is a
real directory (not a symbolic link), owned by this user and not tracked by git (neither by the
analysed repository nor by a repository it happens to sit in): a commit can put anything in
the working tree, so a folder that came with a repository, or a link planted there, is never
written through or trusted.
Inside it, files are created under a fresh name with ``O_CREAT | O_EXCL | O_NOFOLLOW``,
relative to the folder's own descriptor, and renamed into place; they are read with
``O_NOFOLLOW``, regular files only, up to a size limit. Sub-folders are opened the same way.

Entries are also bound to this user by ``mac``: a keyed hash (HMAC-SHA256) with a secret kept
outside every repository (``$XDG_CACHE_HOME/impactgraph/cache-key``, else
``~/.cache/impactgraph/cache-key``). An entry whose tag does not match was not written by
impactgraph for this user, for this content: it is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

CACHE_DIR = ".impactgraph"
CACHE_DIR_ENV = "IMPACTGRAPH_CACHE_DIR"
KEY_NAME = "cache-key"
GITIGNORE = b"# Created by impactgraph: this folder is a local cache.\n*\n"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class UnsafeFolder(Exception):
    """The folder cannot be used safely; the message says why."""


def _open_dir(name: str | Path, dir_fd: int | None, create: bool) -> int:
    if create:
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o755, dir_fd=dir_fd)
    try:
        info = os.lstat(name, dir_fd=dir_fd)
    except FileNotFoundError:
        raise UnsafeFolder("it does not exist") from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeFolder("it is a symbolic link")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder("it is not a directory")
    fd = os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=dir_fd)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISDIR(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            info.st_dev, info.st_ino
        ):
            raise UnsafeFolder("it changed while it was opened")
        if hasattr(os, "geteuid") and opened.st_uid != os.geteuid():
            raise UnsafeFolder("another user owns it")
    except BaseException:
        os.close(fd)
        raise
    return fd


class Folder:
    """A directory opened by descriptor; every name is one component inside it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Folder:
        """``path`` itself must be a real directory of ours (its parents may be links)."""
        return cls(path, _open_dir(path, None, create))

    def sub(self, name: str, *, create: bool = False) -> Folder:
        return Folder(self.path / name, _open_dir(name, self._fd, create))

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def lstat(self, name: str) -> os.stat_result | None:
        try:
            return os.lstat(name, dir_fd=self._fd)
        except FileNotFoundError:
            return None

    def names(self) -> list[str]:
        return sorted(os.listdir(self._fd))

    def write(
        self, name: str, data: bytes, mode: int = 0o644, *, keep_existing: bool = False
    ) -> None:
        """Create ``name`` afresh: a new file renamed over whatever had the name (or, with
        ``keep_existing``, linked to the name unless something has it already)."""
        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC,
                     mode, dir_fd=self._fd)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            if keep_existing:
                with contextlib.suppress(FileExistsError):
                    os.link(temporary, name, src_dir_fd=self._fd, dst_dir_fd=self._fd,
                            follow_symlinks=False)
                os.unlink(temporary, dir_fd=self._fd)
            else:
                os.replace(temporary, name, src_dir_fd=self._fd, dst_dir_fd=self._fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=self._fd)
            raise

    def read(self, name: str, limit: int) -> bytes | None:
        """The bytes of regular file ``name``; None when it is missing, not a regular file
        (a link, a FIFO, a device) or larger than ``limit``."""
        opened = self._open_regular(name)
        if opened is None:
            return None
        stream, info = opened
        with stream:
            if info.st_size > limit:
                return None
            data = stream.read(limit + 1)
        return data if len(data) <= limit else None

    def read_start(self, name: str, size: int) -> bytes | None:
        """The first ``size`` bytes (or fewer) of regular file ``name``; None as ``read``."""
        opened = self._open_regular(name)
        if opened is None:
            return None
        with opened[0] as stream:
            return stream.read(size)

    def _open_regular(self, name: str) -> tuple[BinaryIO, os.stat_result] | None:
        """Regular file ``name`` opened for reading, never through a link nor blocking on a
        FIFO, and its status; None for anything else."""
        try:
            fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC, dir_fd=self._fd)
        except OSError:
            return None
        stream = os.fdopen(fd, "rb")
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            stream.close()
            return None
        return stream, info

    def touch(self, name: str) -> None:
        with contextlib.suppress(OSError, NotImplementedError):
            os.utime(name, dir_fd=self._fd, follow_symlinks=False)

    def remove(self, name: str) -> bool:
        """Unlink ``name`` (a link itself, never its target); True when something went."""
        try:
            os.unlink(name, dir_fd=self._fd)
        except FileNotFoundError:
            return False
        return True

    def remove_tree(self, name: str) -> bool:
        """Remove sub-folder ``name`` and what it holds (links are unlinked, not followed)."""
        info = self.lstat(name)
        if info is None:
            return False
        if not stat.S_ISDIR(info.st_mode):
            return self.remove(name)
        with self.sub(name) as inner:
            for entry in inner.names():
                inner.remove_tree(entry)
        os.rmdir(name, dir_fd=self._fd)
        return True


def tracked_by_git(root: Path, name: str = CACHE_DIR) -> bool:
    """Does git track anything under ``root/name``? (False outside a git work tree.)"""
    from impactgraph.adapters.git import GitRepo
    from impactgraph.errors import GitError

    try:
        return GitRepo(root).tracks(name)
    except GitError:
        return False


def resolve_cache_dir(
    root: Path, option: Path | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """The cache folder for the tree at ``root``: ``option`` (``--cache-dir``), else
    ``$IMPACTGRAPH_CACHE_DIR`` (when not empty nor blank: ``' '`` made a folder named so),
    else ``root/.impactgraph``. A relative path is relative to the current directory, as any
    path on a command line."""
    env = os.environ if env is None else env
    chosen = option if option is not None else (
        Path(env[CACHE_DIR_ENV]) if env.get(CACHE_DIR_ENV, "").strip() else None)
    if chosen is None:
        return Path(root) / CACHE_DIR
    return Path(os.path.abspath(chosen))


def _is_default(root: Path, directory: Path) -> bool:
    return Path(os.path.abspath(directory)) == Path(os.path.abspath(Path(root) / CACHE_DIR))


def _tracked_elsewhere(root: Path, directory: Path) -> bool:
    """Does git track anything at or under ``directory`` (a folder other than
    ``root/.impactgraph``), in the analysed repository or in one the folder sits in?

    Links on the way are resolved first, so a path that reaches into a checkout through a
    link is judged where it lands."""
    parent = Path(os.path.realpath(directory.parent))
    target = f":(literal){parent / directory.name}"  # absolute: a path outside is an error
    nearest = parent  # the folder may not exist yet: ask the repository its ancestor is in
    while not nearest.is_dir() and nearest != nearest.parent:
        nearest = nearest.parent
    return any(_tracks(checkout, target) for checkout in dict.fromkeys((Path(root), nearest)))


def _in_git_dir(root: Path, directory: Path) -> bool:
    """Is ``directory`` (made or not) inside the git directory of the repository ``root``
    is in (``git_dir_of``)?"""
    from impactgraph.adapters.git import git_dir_of

    git_dir = git_dir_of(root) if Path(root).is_dir() else None
    if git_dir is None:
        return False  # not a repository: no git directory to keep out of
    place = str(Path(os.path.realpath(directory.parent)) / directory.name)
    return place == git_dir or place.startswith(git_dir + os.sep)


def _tracks(checkout: Path, pathspec: str) -> bool:
    from impactgraph.adapters.git import GitRepo
    from impactgraph.errors import GitError

    try:
        return GitRepo(checkout).tracks(pathspec)
    except GitError:  # not a git work tree, or the folder is outside it
        return False


def open_cache_folder(
    root: Path, *, directory: Path | None = None, check_git: bool = True
) -> Folder:
    """``root/.impactgraph`` (or ``directory``), created when missing; ``UnsafeFolder`` when
    it must not be used."""
    directory = Path(directory) if directory is not None else Path(root) / CACHE_DIR
    if check_git and _in_git_dir(root, directory):
        # git's own folder (``--cache-dir .git/refs`` made git report broken refs; a bare
        # repository's root is one)
        raise UnsafeFolder("it is inside git's own folder")
    if _is_default(root, directory):
        if check_git and tracked_by_git(root):
            raise UnsafeFolder(
                "git tracks it (a cache that came with the repository is not used)")
    else:
        if check_git and _tracked_elsewhere(root, directory):
            raise UnsafeFolder("git tracks it (a folder that came with a repository is not used)")
        if not os.path.lexists(directory):  # its parents may be made; it is checked below
            try:
                directory.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise UnsafeFolder(f"cannot create it: {error.strerror or error}") from None
    folder = Folder.open(directory, create=True)
    try:
        if folder.lstat(".gitignore") is None:
            folder.write(".gitignore", GITIGNORE)
    except OSError:
        folder.close()
        raise
    return folder


# -- binding entries to this user -----------------------------------------------------------

_key: bytes | None = None


def _key_file() -> Path | None:
    """Where the key is kept: under ``$XDG_CACHE_HOME``, else ``~/.cache``; None when the
    home folder does not exist (``HOME=/nonexistent``, Debian's ``nobody``): it is not made."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if not os.path.isdir(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "impactgraph" / KEY_NAME


def secret_key() -> bytes:
    """This user's cache key, made on first use; a key for this process alone when it cannot
    be kept (the cache then serves only the run that wrote it)."""
    global _key
    if _key is None:
        where = _key_file()
        _key = (_load_key(where) if where is not None else None) or secrets.token_bytes(32)
    return _key


def _load_key(path: Path) -> bytes | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with Folder.open(path.parent) as folder:
            key = folder.read(path.name, 64)
            if key is None:  # the first run: a key, unless another run wrote one meanwhile
                folder.write(path.name, secrets.token_bytes(32), 0o600, keep_existing=True)
            elif len(key) != 32:  # damaged
                folder.write(path.name, secrets.token_bytes(32), 0o600)
            key = folder.read(path.name, 64)
    except (OSError, UnsafeFolder):
        return None
    return key if key is not None and len(key) == 32 else None


def mac(*parts: bytes | str) -> str:
    """The tag of an entry made of ``parts`` (each length-prefixed: no ambiguity)."""
    digest = hmac.new(secret_key(), digestmod=hashlib.sha256)
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def same_mac(expected: str, found: object) -> bool:
    return isinstance(found, str) and hmac.compare_digest(expected, found)
