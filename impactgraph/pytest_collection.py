"""Which test files a plain ``pytest`` run collects, as pytest resolves its configuration.

Pure: it answers from the repository's file list (relative, "/"-separated paths) and what
``impactgraph.pytest_setup`` read of the configuration.

pytest collects a file it is given by name whatever its configuration says (an argument is
never ignored, ``python_files`` not checked), so what matters is which files belong to the
suite: the files a plain run collects. Several runs are plausible, and a file one of them
collects is kept:

- the run from the repository root, with the root's configuration (the GitHub Action's);
- the run a package makes from its own folder (one holding a project or pytest configuration
  file): pytest takes the configuration nearest above (``locate_config``), which is also what
  it takes for ``pytest pkg/tests/test_a.py`` (a selection from one package: the common
  ancestor of the arguments decides), with that configuration's folder as its rootdir: its
  norecursedirs, python_files, addopts, and only the ``conftest.py`` files at or below that
  folder (pytest's default ``confcutdir``).

A plain run starting in ``start`` with the configuration found in ``base`` (its rootdir):

- ``testpaths`` (read only when the run starts in the rootdir): each entry a glob (``**``
  recursive) relative to it; a file is searched for when an entry matches it or one of its
  folders. No entry matching anything, or a run from elsewhere: ``start``.
- walking down from a search root, each folder and then the file is skipped when ``--ignore``
  names it, an ``--ignore-glob`` matches its path (both relative to ``start``), or the nearest
  ``conftest.py`` above it that sets ``collect_ignore`` (``collect_ignore_glob``) names
  (matches) it, relative to that conftest's folder; a folder is also skipped when a
  ``norecursedirs`` pattern matches it (a pattern without "/" its name, one with "/" its path:
  pytest's ``fnmatch_ex``).
- the file's name must match ``python_files`` (``fnmatch_ex`` too), unless the test patterns
  come from ``[tool.impactgraph]``.
- ``--deselect`` prefixes that cover every node id of the file (``tests/test_a.py``,
  ``tests/``) leave nothing of it to run.
- a ``conftest.py`` (or a ``-p`` plugin of the repository) with a hook that can collect what
  these rules skip (``pytest_ignore_collect``, ``pytest_collect_file``,
  ``pytest_collect_directory``), or that cannot be read, leaves its folder unfiltered.
"""

from __future__ import annotations

import doctest
import fnmatch
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

# pytest's default ``norecursedirs`` (``_pytest/main.py``)
DEFAULT_NORECURSEDIRS = (
    "*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}",
)
# pytest's default ``python_files``
DEFAULT_PYTHON_FILES = ("test_*.py", "*_test.py")


def has_doctest_examples(data: bytes) -> bool:
    """Whether pytest runs anything of a text file it collects as doctests: one item when
    ``doctest`` finds an example in it (``DoctestTextfile.collect``), none otherwise (a
    ``requirements/tests.txt`` matches ``test*.txt``). Text that does not decode or parse
    makes a collection error, which fails: it counts as examples."""
    try:
        return bool(doctest.DocTestParser().get_examples(data.decode("utf-8")))
    except (UnicodeDecodeError, ValueError):
        return True


# Python files pytest never collects as modules of doctests
_NOT_DOCTESTS = frozenset({"setup.py", "__main__.py", "conftest.py"})


@dataclass(frozen=True, slots=True)
class ConftestFacts:
    """What a ``conftest.py`` says about collection, read statically."""
    ignore: tuple[str, ...] | None = None  # collect_ignore; None: the name is not set
    ignore_glob: tuple[str, ...] | None = None  # collect_ignore_glob
    widens: bool = False  # a hook that may collect what the rules skip; or unreadable
    # what its ``pytest_collect_file`` hooks test a file's name against (``hook_names``)
    collects: HookNames | None = None
    # it widens by ``pytest_collect_file`` alone: the walk down (norecursedirs, ignores) holds
    collect_only: bool = False


@dataclass(frozen=True, slots=True)
class HookNames:
    """The string literals a ``pytest_collect_file`` hook compares a path with, read without
    running it: the ends it checks (``path.suffix == ".yaml"``, ``.endswith(".docopt")``: a
    literal starting with ".") and the starts (``.startswith("test")``). A file that is not
    Python may be collected by the hook (made into test items: pytest's documented YAML
    example) when its name ends with one of the ends and, where the hook checks starts,
    starts with one of them. No end read: no such file is (the hook collects Python files, or
    its test cannot be read)."""
    ends: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()

    def match(self, name: str) -> bool:
        if not any(name.endswith(e) and name != e for e in self.ends):
            return False
        return not self.starts or any(name.startswith(s) for s in self.starts)


@dataclass(frozen=True, slots=True)
class Collection:
    testpaths: tuple[str, ...] = ()
    norecursedirs: tuple[str, ...] = DEFAULT_NORECURSEDIRS
    python_files: tuple[str, ...] | None = None  # None: not checked (the test patterns are)
    ignore: tuple[str, ...] = ()  # addopts --ignore, relative to the base
    ignore_glob: tuple[str, ...] = ()  # addopts --ignore-glob
    deselect: tuple[str, ...] = ()  # addopts --deselect node id prefixes
    base: str = ""  # the configuration's folder (pytest's rootdir), "" for the repository's
    start: str = ""  # where the run starts (its working folder): at or below the base
    # conftest.py facts by folder ("" the root); ``None``: no conftest is loaded (--noconftest)
    conftests: Mapping[str, ConftestFacts] | None = field(default=None, compare=False)
    open: bool = False  # nothing is filtered
    doctest_modules: bool = False  # addopts --doctest-modules
    # the names of the text files collected as doctests (--doctest-glob; none: the plugin off)
    doctest_globs: tuple[str, ...] = ("test*.txt",)

    def collected(self, paths: Iterable[str]) -> list[str]:
        """The ``paths`` (test files, by the test patterns) that pytest collects."""
        files = list(paths)
        roots = self._search_roots(files)
        return [p for p in files if self._collects(p, roots)]

    def collects(self, path: str) -> bool:
        return self._collects(path, self._search_roots([path]))

    def doctest_files(self, paths: Iterable[str]) -> list[str]:
        """The Python files among ``paths`` pytest collects as modules of doctests
        (``--doctest-modules``): any module under the search roots, whatever its name, but
        ``setup.py`` and ``__main__.py`` (pytest never imports them); conftest.py is left to
        the conftest rules."""
        if not self.doctest_modules:
            return []
        return replace(self, python_files=None).collected(
            p for p in paths if p.endswith(".py") and posixpath.basename(p) not in _NOT_DOCTESTS)

    def doctest_text_files(self, paths: Iterable[str]) -> list[str]:
        """The files among ``paths`` pytest collects as text files of doctests: not a Python
        file, its name (or with a "/" in the pattern its path) matching a ``--doctest-glob``
        (pytest's ``_is_doctest``), below the search roots, not ignored (``python_files`` is
        not checked)."""
        files = list(paths)
        return self._doctest_texts(files, files)

    def hook_files(self, paths: Iterable[str]) -> list[str]:
        """The files among ``paths`` (the whole tree) that are not Python and that a
        ``pytest_collect_file`` hook of a loaded ``conftest.py`` at or above them may make
        into test items (``HookNames``), below the search roots."""
        files = list(paths)
        return self._hook_files(files, files)

    def _hook_files(self, pending: Iterable[str], files: Sequence[str]) -> list[str]:
        if not self.conftests:
            return []
        base = len(_base_parts(self.base))
        candidates = []
        for path in pending:
            if path.endswith((".py", ".pyc")):
                continue
            parts = tuple(path.split("/"))
            for end in range(base, len(parts)):
                facts = self.conftests.get("/".join(parts[:end]))
                if facts is not None and facts.collects and facts.collects.match(parts[-1]):
                    candidates.append(path)
                    break
        if not candidates:
            return []
        roots = self._search_roots(files)
        # a pytest_collect_file hook is asked about the files of the folders pytest walks
        # into: only a hook that decides the walk (pytest_ignore_collect, ...) opens them
        walked = {folder: replace(facts, widens=False) if facts.collect_only else facts
                  for folder, facts in self.conftests.items()}
        run = replace(self, python_files=None, conftests=walked)
        return [p for p in candidates if run._collects(p, roots)]

    def _doctest_texts(self, pending: Iterable[str], files: Sequence[str]) -> list[str]:
        """``pending``: what to answer for; ``files``: the whole tree (``testpaths`` are
        globbed over it)."""
        if not self.doctest_globs:
            return []
        candidates = [p for p in pending if not p.endswith(".py") and any(
            _fnmatch_ex(g, tuple(p.split("/"))) for g in self.doctest_globs)]
        if not candidates:
            return []
        roots = self._search_roots(files)
        run = replace(self, python_files=None)
        return [p for p in candidates if run._collects(p, roots)]

    def _collects(self, path: str, roots: list[tuple[str, ...]] | None) -> bool:
        """``roots``: the search roots (``_search_roots``)."""
        if self.open:
            return True
        parts = tuple(path.split("/"))
        base = _base_parts(self.base)
        start = _base_parts(self.start)
        if parts[:len(start)] != start or len(parts) == len(start):
            return False  # not below the folder the run starts from
        if self._widened(parts):
            return True
        if self.python_files is not None and not any(
            _fnmatch_ex(p, parts) for p in self.python_files
        ):
            return False
        node = "/".join(parts[len(base):]) + "::"
        if any(d and node.startswith(d) for d in self.deselect):
            return False
        starts = [start] if roots is None else [r for r in roots if parts[:len(r)] == r]
        # collected from any search root whose walk down to the file skips nothing
        return any(not self._skipped(parts, len(start)) for start in starts)

    def _search_roots(self, files: Sequence[str]) -> list[tuple[str, ...]] | None:
        """The ``testpaths`` matches, as path parts (``None``: where the run starts). pytest
        reads them only when it runs from its rootdir."""
        base = _base_parts(self.base)
        patterns = [_parts(p) for p in self.testpaths]
        if not patterns or any(p is None for p in patterns) or self.start != self.base:
            return None  # none, or one we cannot read (absolute, ".."): the whole base
        found: set[tuple[str, ...]] = set()
        for path in files:
            parts = tuple(path.split("/"))
            if parts[:len(base)] != base:
                continue
            for cut in range(len(base) + 1, len(parts) + 1):
                tail = parts[len(base):cut]
                if any(_glob_match(p, tail) for p in patterns if p is not None):
                    found.add(parts[:cut])
        return sorted(found) if found else None

    def _skipped(self, parts: tuple[str, ...], start: int) -> bool:
        for end in range(start + 1, len(parts) + 1):  # below the search root, the file last
            entry = parts[:end]
            if self._ignored(entry):
                return True
            if end < len(parts) and any(_norecurse(p, entry) for p in self.norecursedirs):
                return True
        return False

    def _ignored(self, entry: tuple[str, ...]) -> bool:
        path = "/".join(entry)
        start = self.start.strip("/")  # --ignore is relative to the working folder
        if any(_resolve(start, i) == path for i in self.ignore):
            return True
        if any(_glob_ignores(_resolve(start, g), path) for g in self.ignore_glob):
            return True
        found = self._conftest(entry[:-1], "ignore")
        if found is not None and any(_resolve(found[0], i) == path for i in found[1]):
            return True
        found = self._conftest(entry[:-1], "ignore_glob")
        return found is not None and any(
            _glob_ignores(_resolve(found[0], g), path) for g in found[1])

    def _conftest(self, folder: tuple[str, ...], name: str) -> tuple[str, tuple[str, ...]] | None:
        """pytest's ``_getconftest_pathlist``: the nearest loaded conftest.py at or above
        ``folder`` that sets the name, with its folder."""
        if not self.conftests:
            return None
        base = len(_base_parts(self.base))
        for end in range(len(folder), base - 1, -1):  # confcutdir: the base
            key = "/".join(folder[:end])
            facts = self.conftests.get(key)
            value = None if facts is None else getattr(facts, name)
            if value is not None:
                return key, value
        return None

    def _widened(self, parts: tuple[str, ...]) -> bool:
        if not self.conftests:
            return False
        base = len(_base_parts(self.base))
        for end in range(base, len(parts)):
            facts = self.conftests.get("/".join(parts[:end]))
            if facts is not None and facts.widens:
                return True
        return False


@dataclass(frozen=True, slots=True)
class Collections:
    """The run from the repository root and the runs from the folders below that hold a
    project or pytest configuration file (a package's own run, with the configuration
    pytest takes there): a file is collected when one of the runs that reach it collects it."""
    root: Collection = field(default_factory=Collection)
    packages: tuple[Collection, ...] = ()

    def collected(self, paths: Iterable[str]) -> list[str]:
        files = list(paths)
        found: set[str] = set()
        for run in (self.root, *self.packages):
            prefix = run.start.strip("/") + "/" if run.start.strip("/") else ""
            pending = [p for p in files if p not in found and p.startswith(prefix)]
            if pending:
                roots = run._search_roots(files)  # globbed over the whole tree
                found.update(p for p in pending if run._collects(p, roots))
        return [p for p in files if p in found]

    def doctest_files(self, paths: Iterable[str]) -> list[str]:
        """The ``paths`` a run that reaches them collects as modules of doctests."""
        files = list(paths)
        found: set[str] = set()
        for run in (self.root, *self.packages):
            prefix = run.start.strip("/") + "/" if run.start.strip("/") else ""
            found.update(run.doctest_files(p for p in files if p.startswith(prefix)))
        return [p for p in files if p in found]

    def doctest_text_files(self, paths: Iterable[str]) -> list[str]:
        """The ``paths`` (the whole tree) a run that reaches them collects as text files of
        doctests."""
        return self._first_run(paths, Collection._doctest_texts)

    def hook_files(self, paths: Iterable[str]) -> list[str]:
        """The ``paths`` (the whole tree) a run that reaches them may collect through a
        conftest's ``pytest_collect_file`` hook (``Collection.hook_files``)."""
        return self._first_run(paths, Collection._hook_files)

    def _first_run(
        self, paths: Iterable[str],
        answer: Callable[[Collection, Iterable[str], Sequence[str]], list[str]],
    ) -> list[str]:
        """The ``paths`` (the whole tree) for which ``answer`` says yes, each asked of the
        first run (the root's, then each package's) whose start holds it."""
        files = list(paths)
        found: set[str] = set()
        for run in (self.root, *self.packages):
            prefix = run.start.strip("/") + "/" if run.start.strip("/") else ""
            found.update(answer(
                run, (p for p in files if p not in found and p.startswith(prefix)), files))
        return [p for p in files if p in found]

    def without_python_files(self) -> Collections:
        """The test patterns are the user's: pytest's ``python_files`` is not checked."""
        return Collections(replace(self.root, python_files=None),
                           tuple(replace(p, python_files=None) for p in self.packages))


# pytest without configuration: its default norecursedirs
PYTEST_DEFAULT = Collection()
# Nothing is filtered: pytest's configuration could not be read.
OPEN = Collection(testpaths=(), norecursedirs=(), open=True)


def _base_parts(base: str) -> tuple[str, ...]:
    return tuple(p for p in base.strip("/").split("/") if p)


def _resolve(folder: str, entry: str) -> str:
    """``entry`` (a path relative to ``folder``) as a repository path; "" when outside."""
    text = entry.replace("\\", "/")
    if text.startswith("/"):
        return ""  # absolute: not something we can place in the repository
    joined = posixpath.normpath(posixpath.join(folder, text) if folder else text)
    return "" if joined == ".." or joined.startswith("../") else joined


def _glob_ignores(pattern: str, path: str) -> bool:
    """``fnmatch(str(path), str(glob))`` on absolute paths, as pytest matches ignore globs."""
    return bool(pattern) and fnmatch.fnmatch(path, pattern)


def _fnmatch_ex(pattern: str, parts: tuple[str, ...]) -> bool:
    """pytest's ``fnmatch_ex`` on the file's absolute path: a pattern without "/" matches its
    name, one with "/" its path, any folders before it allowed (the root's own path is what
    the leading "*" takes)."""
    if "/" not in pattern:
        return fnmatch.fnmatch(parts[-1], pattern)
    return fnmatch.fnmatch("/" + "/".join(parts), "*/" + pattern.lstrip("/"))


def _parts(pattern: str) -> tuple[str, ...] | None:
    """A ``testpaths`` entry as path parts relative to the base; None if it is not one."""
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
    return _fnmatch_ex(pattern, folder)
