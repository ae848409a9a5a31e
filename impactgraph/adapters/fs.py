"""The working tree: listing and reading source files, writing outputs."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from impactgraph.discovery import DEFAULT_EXCLUDES
from impactgraph.errors import InputError

# A source file larger than this is almost surely generated; it is skipped with a warning.
MAX_FILE_BYTES = 2_000_000


def iter_python_files(root: Path) -> Iterator[str]:
    """Relative "/"-separated paths of the ``.py`` files under ``root``.

    Symbolic links to directories are not followed (so a link loop cannot trap us); links
    to files are listed and checked when read.
    """
    if not root.is_dir():
        raise InputError(f"not a directory: {root}", str(root))
    for directory, subdirs, files in os.walk(root, followlinks=False, onerror=None):
        subdirs[:] = sorted(
            d for d in subdirs if d not in DEFAULT_EXCLUDES and not d.endswith(".egg-info")
        )
        relative = Path(directory).relative_to(root).as_posix()
        for name in sorted(files):
            if name.endswith(".py"):
                yield name if relative == "." else f"{relative}/{name}"


def read_source(root: Path, relative: str) -> bytes:
    """The bytes of one source file; ``InputError`` for a broken link, a loop or a huge file."""
    path = root / relative
    try:
        resolved = path.resolve(strict=True)
        size = resolved.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too large to analyse ({size} bytes)", relative)
        return resolved.read_bytes()
    except RuntimeError as error:  # a symlink loop on older Pythons
        raise InputError(f"cannot read: {error}", relative) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", relative) from error


def write_text_file(output: str, text: str) -> None:
    """Write ``text`` (UTF-8, ending in a newline) to ``output`` atomically."""
    data = (text if text.endswith("\n") or not text else text + "\n").encode("utf-8")
    write_bytes_file(output, data)


def write_bytes_file(output: str, data: bytes) -> None:
    """Write ``data`` to ``output`` atomically: a failure never leaves half a file, and an
    existing file is replaced only by a complete one (keeping its permissions)."""
    target = Path(output)
    if target.is_dir():
        raise InputError(f"output path is a directory: {output}", output)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"output directory does not exist: {parent}", output)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private (0600); give it the mode a new file would get
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
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
