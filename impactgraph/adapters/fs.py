"""The working tree: listing and reading source files, writing outputs.

Only regular files inside the tree are read: a FIFO or device named ``*.py`` is skipped without
being opened, a symbolic link is followed only when its target is a regular file inside the
tree (one that leaves it is skipped and named in a warning), and a file larger than
``MAX_FILE_BYTES`` is skipped with a warning. Reads never block and never read past the limit.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from impactgraph.discovery import DEFAULT_EXCLUDES, PROJECT_FILES
from impactgraph.errors import InputError
from impactgraph.model import Diagnostic

# A source file larger than this is almost surely generated; it is skipped with a warning.
MAX_FILE_BYTES = 2_000_000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def iter_python_files(root: Path, skipped: list[Diagnostic] | None = None,
                      projects: bool = False) -> Iterator[str]:
    """Relative "/"-separated paths of the ``.py`` files under ``root`` (with ``projects``,
    also of the ``PROJECT_FILES`` that are not ``.py``, as ``discover`` takes them).

    Symbolic links to directories are not followed (so a link loop cannot trap us); links to
    files are listed when they point at a regular file inside ``root``. What is left out for
    a reason the user should hear of (a link that leaves the tree, a FIFO or device named
    ``*.py``, a file too large) is added to ``skipped``.
    """
    if not root.is_dir():
        raise InputError(f"not a directory: {root}", str(root))
    real_root = os.path.realpath(root)
    for directory, subdirs, files in os.walk(root, followlinks=False, onerror=None):
        subdirs[:] = sorted(
            d for d in subdirs if d not in DEFAULT_EXCLUDES and not d.endswith(".egg-info")
        )
        relative = Path(directory).relative_to(root).as_posix()
        for name in sorted(files):
            path = name if relative == "." else f"{relative}/{name}"
            if projects and name in PROJECT_FILES and not name.endswith(".py"):
                yield path
                continue
            if not name.endswith(".py"):
                continue
            reason = _unreadable(os.path.join(directory, name), real_root)
            if reason is None:
                yield path
            elif skipped is not None:
                skipped.append(Diagnostic(path, f"skipped: {reason}"))


def _unreadable(path: str, real_root: str) -> str | None:
    """Why the file at ``path`` is not read, or None when it is a source file to read."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = os.path.realpath(path)
            if not _inside(target, real_root):
                return f"a symbolic link that leaves the tree (to {target})"
            info = os.stat(path)
    except OSError as error:  # vanished, a link loop, a broken link
        return f"cannot read: {error.strerror or error}"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_FILE_BYTES:
        return f"file too large to analyse ({info.st_size} bytes)"
    return None


def read_bounded(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most ``limit + 1`` bytes of the regular file at ``path`` (its last component not a
    link), read without blocking; ``OSError`` or ``InputError`` for anything else."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    try:  # os.read, not a buffered file object: a working tree of 10k files is read per query
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file", str(path))
        chunks: list[bytes] = []
        left = limit + 1
        want = min(left, info.st_size + 1)  # the whole file and its end, in one read
        while left > 0:
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            want = left
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_regular(path: Path | str, limit: int = MAX_FILE_BYTES) -> bytes:
    """``read_bounded``, and ``InputError`` when the file is larger than ``limit``."""
    data = read_bounded(path, limit)
    if len(data) > limit:
        size = os.stat(path, follow_symlinks=False).st_size
        raise InputError(f"file too large to analyse ({size} bytes)", str(path))
    return data


def read_source(root: Path, relative: str) -> bytes:
    """The bytes of one source file; ``InputError`` for a broken link, a loop, a link that
    leaves the tree, anything but a regular file, or a huge file."""
    path = root / relative
    try:
        resolved = os.path.realpath(path)
        if not _inside(resolved, os.path.realpath(root)):
            raise InputError(f"a symbolic link that leaves the tree (to {resolved})", relative)
        return read_regular(resolved)
    except InputError as error:
        raise InputError(str(error), relative) from None
    except (RuntimeError, ValueError) as error:  # a symlink loop on older Pythons
        raise InputError(f"cannot read: {error}", relative) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", relative) from error


# -- outputs ----------------------------------------------------------------------------------

# Names of streams this process already has open: written to as they are.
STDOUT_NAMES = frozenset({"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
_STREAMS = {**dict.fromkeys(STDOUT_NAMES, 1),
            **dict.fromkeys(("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"), 2)}
_OPEN_FILES = ("/dev/fd/", "/proc/self/fd/")


def write_text_file(output: str, text: str) -> None:
    """Write ``text`` (UTF-8, ending in a newline) to ``output`` (see ``write_bytes_file``)."""
    data = (text if text.endswith("\n") or not text else text + "\n").encode("utf-8")
    write_bytes_file(output, data)


def write_bytes_file(output: str, data: bytes) -> None:
    """Write ``data`` to ``output``.

    A missing or regular file is written atomically: a failure never leaves half a file, and
    an existing file is replaced only by a complete one (keeping its permissions), and only
    when it is writable (``chmod a-w`` keeps it, as for a shell's ``>``). A FIFO or
    a character device (``/dev/null``, a terminal), and ``/dev/stdout``, ``/dev/stderr`` or
    ``/dev/fd/N``, are written in place, as named. Anything else is refused (``InputError``):
    a symbolic link (it is never replaced by a file, nor written through), a directory, a
    block device or a socket.
    """
    if output in _STREAMS:
        _write_stream(output, _STREAMS[output], data)
        return
    try:
        info = os.lstat(output)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror or error}", output) from error
    if info is not None and output.startswith(_OPEN_FILES):
        _write_in_place(output, data)
    elif info is None or stat.S_ISREG(info.st_mode):
        if info is not None and not os.access(output, os.W_OK):
            # written by a rename, which a file's own permissions do not stop: a file the
            # user made read-only (as a shell's ``>`` would) is not replaced
            raise InputError(f"cannot write {output}: Permission denied", output)
        _replace(output, data, info)
    elif stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        _write_in_place(output, data)
    elif stat.S_ISDIR(info.st_mode):
        raise InputError(f"output path is a directory: {output}", output)
    elif stat.S_ISLNK(info.st_mode):
        raise InputError(f"refusing to write to a symbolic link: {output} (name its target)",
                         output)
    else:
        raise InputError(f"refusing to write to {output}: not a regular file", output)


def _write_stream(output: str, fd: int, data: bytes) -> None:
    stream = sys.stdout if fd == 1 else sys.stderr
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except (AttributeError, ValueError):  # a stream without a buffer (a test runner's)
        stream.write(data.decode("utf-8"))
        stream.flush()
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror or error}", output) from error


def _write_in_place(output: str, data: bytes) -> None:
    """A FIFO, device or open file named on purpose: open it as it is (never created)."""
    try:
        # O_NONBLOCK: a FIFO nobody reads is an error now, not a hang
        fd = os.open(output, os.O_WRONLY | _NONBLOCK | _NOCTTY | _CLOEXEC)
        try:
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode):
                os.close(fd)  # an open file behind /dev/fd/N: add to it, as the shell set up
                fd = os.open(output, os.O_WRONLY | os.O_APPEND | _NOCTTY | _CLOEXEC)
            elif not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)
                      or stat.S_ISSOCK(info.st_mode)):
                raise InputError(f"refusing to write to {output}: not a regular file", output)
            os.set_blocking(fd, True)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            with contextlib.suppress(OSError):
                os.close(fd)
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror or error}", output) from error


def _replace(output: str, data: bytes, existing: os.stat_result | None) -> None:
    target = Path(output)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"output directory does not exist: {parent}", output)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private (0600); give it the mode a new file would get
        mode = existing.st_mode & 0o777 if existing is not None else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror or error}", output) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
