"""Which test files a plain ``pytest`` run from the repository root collects: its ``testpaths``
and ``norecursedirs`` (``python_files`` is the test patterns), as pytest resolves them.

Pure: it answers from the repository's file list (relative, "/"-separated paths).

- ``testpaths`` (only used when pytest is given no paths and runs from the root, as CI runs it):
  each entry is a glob (``**`` recursive) relative to the root; a file is collected when an
  entry matches it or one of its folders. No entry matching anything: pytest searches the root.
- ``norecursedirs``: a folder pytest meets while searching (below a search root, never a
  ``testpaths`` match or a folder above one) is skipped when a pattern matches it: a pattern
  without "/" is matched against the folder's name, one with "/" against its whole path.
  Setting it replaces pytest's default list.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# pytest's default ``norecursedirs`` (``_pytest/main.py``)
DEFAULT_NORECURSEDIRS = (
    "*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}",
)


@dataclass(frozen=True, slots=True)
class Collection:
    testpaths: tuple[str, ...] = ()
    norecursedirs: tuple[str, ...] = DEFAULT_NORECURSEDIRS

    def collected(self, paths: Iterable[str]) -> list[str]:
        """The ``paths`` (test files, by the test patterns) that pytest collects."""
        files = list(paths)
        roots = self._search_roots(files)
        return [p for p in files if self._collects(p, roots)]

    def _search_roots(self, files: Sequence[str]) -> list[tuple[str, ...]] | None:
        """The ``testpaths`` matches, as path parts (``None``: the repository root)."""
        patterns = [_parts(p) for p in self.testpaths]
        if not patterns or any(p is None for p in patterns):
            return None  # none, or one we cannot read (absolute, ".."): the whole root
        found: set[tuple[str, ...]] = set()
        for path in files:
            parts = tuple(path.split("/"))
            for cut in range(1, len(parts) + 1):
                if any(_glob_match(p, parts[:cut]) for p in patterns if p is not None):
                    found.add(parts[:cut])
        return sorted(found) if found else None

    def _collects(self, path: str, roots: list[tuple[str, ...]] | None) -> bool:
        parts = tuple(path.split("/"))
        starts = [()] if roots is None else [r for r in roots if parts[:len(r)] == r]
        # collected from any search root whose walk down to the file skips no folder
        return any(not self._skipped(parts, len(start)) for start in starts)

    def _skipped(self, parts: tuple[str, ...], start: int) -> bool:
        for end in range(start + 1, len(parts)):  # the folders below the search root
            folder = parts[:end]
            if any(_norecurse(pattern, folder) for pattern in self.norecursedirs):
                return True
        return False


# pytest without configuration: its default norecursedirs
PYTEST_DEFAULT = Collection()
# Nothing is filtered: pytest's configuration could not be read.
OPEN = Collection(testpaths=(), norecursedirs=())


def _parts(pattern: str) -> tuple[str, ...] | None:
    """A ``testpaths`` entry as path parts relative to the root; None if it is not one."""
    text = pattern.replace("\\", "/")
    if not text or text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return None
    parts = tuple(p for p in text.split("/") if p not in ("", "."))
    if ".." in parts:
        return None
    return parts


def _glob_match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """``glob.glob(pattern, recursive=True)`` would list ``parts`` (a path of the tree)."""
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":  # zero or more folders (glob skips hidden ones)
        if _glob_match(rest, parts):
            return True
        return bool(parts) and not parts[0].startswith(".") and _glob_match(pattern, parts[1:])
    if not parts:
        return False
    name = parts[0]
    if name.startswith(".") and not head.startswith(".") and _magic(head):
        return False  # glob's wildcards do not match hidden names
    return fnmatch.fnmatchcase(name, head) and _glob_match(rest, parts[1:])


def _magic(text: str) -> bool:
    return any(c in text for c in "*?[")


def _norecurse(pattern: str, folder: tuple[str, ...]) -> bool:
    """pytest's ``fnmatch_ex``: the folder's name, or with a "/" in the pattern its path."""
    if "/" not in pattern:
        return fnmatch.fnmatch(folder[-1], pattern)
    # pytest matches the absolute path against "*/" + pattern: the root's own path is what
    # the leading "*" takes
    return fnmatch.fnmatch("/" + "/".join(folder), "*/" + pattern.lstrip("/"))
