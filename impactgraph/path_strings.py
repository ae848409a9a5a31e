"""``PurePosixPath``'s answers for repository paths, from string splits (pure).

A query on 10,000 files asks for the parent or the name of tens of thousands of paths; making
a path object for each was a tenth of what is left of it. A clean relative path (no empty or
``.`` component: what git lists) is split as a string; anything else goes to pathlib, so the
answers are pathlib's for every string. (``discovery`` has its own: its source is part of the
stored graphs' fingerprint.)
"""

from __future__ import annotations

from pathlib import PurePosixPath


def parent_and_name(path: str) -> tuple[str, str]:
    """``str(PurePosixPath(path).parent)`` and ``PurePosixPath(path).name``."""
    parts = path.split("/")
    if "" in parts or "." in parts:
        pure = PurePosixPath(path)
        return str(pure.parent), pure.name
    return ("/".join(parts[:-1]) if len(parts) > 1 else "."), parts[-1]


def path_name(path: str) -> str:
    """``PurePosixPath(path).name``."""
    return parent_and_name(path)[1]


def path_parent(path: str) -> str:
    """``str(PurePosixPath(path).parent)``."""
    return parent_and_name(path)[0]
