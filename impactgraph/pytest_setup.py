"""pytest's configuration as it bears on collection: the ``addopts`` options read, the
``conftest.py`` files and the folders below the root with a configuration file of their own.

``addopts`` (of the configuration file; ``PYTEST_ADDOPTS`` is the shell's, see
``environment_is_open``): ``--ignore``, ``--ignore-glob``, ``--deselect`` (relative to the
configuration's folder, from which its plain run starts), ``-o``/``--override-ini`` of
``testpaths``/``norecursedirs``/``python_files`` (how a pytest version applies it varies:
nothing is filtered), ``--noconftest``, ``--confcutdir``, ``-p NAME`` (a module of the
repository with a widening hook leaves everything unfiltered; an installed plugin is as unknown
as every installed plugin; ``-p no:doctest`` switches pytest's doctest plugin off),
``--doctest-modules`` (every module below the search roots is a test file of its doctests),
``--doctest-glob`` (the text files whose name matches are test files of their examples:
``test*.txt`` without one), pytest-asyncio's ``--asyncio-mode`` (and ``-o asyncio_mode=``: how
async fixtures are run, not what is collected). ``--rootdir`` and ``-c`` in ``addopts`` change
nothing: pytest has
found its rootdir and configuration before it reads them. ``--import-mode`` changes how files are
imported, not which are collected.
"""

from __future__ import annotations

import os
import posixpath
import shlex
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from impactgraph.errors import ImpactGraphError
from impactgraph.pytest_collection import OPEN, Collection, ConftestFacts
from impactgraph.pytest_conftest import UNREADABLE, defines_widening_hook, read_conftest

# Folders a walk for configuration files and conftest.py never enters: what the analysis
# excludes, and what pytest's default norecursedirs skips anyway.
_SKIPPED = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", ".impactgraph",
    "__pycache__", "site-packages", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".eggs",
})
CONFIG_NAMES = ("pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini", "pyproject.toml",
                "tox.ini", "setup.cfg")
# a folder a package's own ``pytest`` run may start from
RUN_MARKERS = (*CONFIG_NAMES, "setup.py")
_READ_KEYS = frozenset({"testpaths", "norecursedirs", "python_files"})
# options in the shell's PYTEST_ADDOPTS that change which configuration a run uses
_CONFIG_OPTIONS = ("-c", "--config-file", "--rootdir", "-o", "--override-ini", "--confcutdir",
                   "--noconftest", "--inifile")


@dataclass(frozen=True, slots=True)
class Tree:
    """The folders below the root holding a project or pytest configuration file (where a
    package's own run may start) and the conftest.py files (by folder, "" the root)."""
    run_folders: tuple[str, ...]
    conftests: Mapping[str, ConftestFacts]


def walk(root: Path, read: Callable[[Path], str]) -> Tree:
    folders: list[str] = []
    conftests: dict[str, ConftestFacts] = {}
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.endswith(".egg-info"))
        relative = Path(current).relative_to(root).as_posix()
        folder = "" if relative == "." else relative
        if folder and any(name in files for name in RUN_MARKERS):
            folders.append(folder)
        if "conftest.py" in files:
            try:
                conftests[folder] = read_conftest(read(Path(current) / "conftest.py"))
            except (OSError, ValueError, ImpactGraphError):
                conftests[folder] = UNREADABLE
    return Tree(tuple(folders), conftests)


@dataclass(frozen=True, slots=True)
class Addopts:
    ignore: tuple[str, ...] = ()
    ignore_glob: tuple[str, ...] = ()
    deselect: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    confcutdir: str | None = None
    noconftest: bool = False
    overrides: bool = False  # -o of a key we read
    python_files: tuple[str, ...] = ()  # what -o python_files= says
    doctest_modules: bool = False  # --doctest-modules: every module's doctests are collected
    doctest_globs: tuple[str, ...] = ()  # --doctest-glob (may be given more than once)
    django_settings: tuple[str, ...] = ()  # pytest-django's --ds
    asyncio_mode: str | None = None  # pytest-asyncio's --asyncio-mode (or -o asyncio_mode=)
    anyio_mode: str | None = None  # anyio's plugin has no option: -o anyio_mode=


def parse_addopts(tokens: Sequence[str]) -> Addopts:
    values: dict[str, list[str]] = {"--ignore": [], "--ignore-glob": [], "--deselect": [],
                                    "-p": [], "--confcutdir": [], "-o": [], "--ds": [],
                                    "--doctest-glob": [], "--asyncio-mode": []}
    aliases = {"--override-ini": "-o", "--ignore": "--ignore", "--ignore-glob": "--ignore-glob",
               "--deselect": "--deselect", "--confcutdir": "--confcutdir", "-p": "-p", "-o": "-o",
               "--ds": "--ds", "--doctest-glob": "--doctest-glob",
               "--asyncio-mode": "--asyncio-mode"}
    noconftest = doctest_modules = False
    items = iter(tokens)
    for option in items:
        if option == "--noconftest":
            noconftest = True
            continue
        if option == "--doctest-modules":
            doctest_modules = True
            continue
        name, equals, value = option.partition("=")
        if name in aliases and equals:
            values[aliases[name]].append(value)
        elif option in aliases:
            following = next(items, None)
            if following is not None:
                values[aliases[option]].append(following)
        elif option[:2] in ("-p", "-o") and len(option) > 2:
            values[option[:2]].append(option[2:])
    overrides = False
    python_files: list[str] = []
    # pytest-asyncio takes its command-line option first, else the ini value (``-o`` included)
    mode = values["--asyncio-mode"][-1] if values["--asyncio-mode"] else None
    anyio_mode: str | None = None
    for override in values["-o"]:
        key, _, value = override.partition("=")
        if key.strip() == "asyncio_mode" and not values["--asyncio-mode"]:
            mode = value
        if key.strip() == "anyio_mode":
            anyio_mode = value
        if key.strip() in _READ_KEYS:
            overrides = True
            if key.strip() == "python_files":
                python_files.extend(value.split())
    cut = values["--confcutdir"]
    return Addopts(
        ignore=tuple(values["--ignore"]), ignore_glob=tuple(values["--ignore-glob"]),
        deselect=tuple(values["--deselect"]), plugins=tuple(values["-p"]),
        confcutdir=cut[-1] if cut else None, noconftest=noconftest, overrides=overrides,
        python_files=tuple(python_files), doctest_modules=doctest_modules,
        doctest_globs=tuple(values["--doctest-glob"]), django_settings=tuple(values["--ds"]),
        asyncio_mode=mode.strip() if mode is not None else None,
        anyio_mode=anyio_mode.strip() if anyio_mode is not None else None,
    )


# pytest's doctest plugin collects the text files matching this when no --doctest-glob is given
DEFAULT_DOCTEST_GLOBS = ("test*.txt",)


def doctest_globs(addopts: Addopts) -> tuple[str, ...]:
    """The names of the text files pytest collects as doctests; none with the plugin off."""
    if any(p.strip() == "no:doctest" for p in addopts.plugins):
        return ()
    return addopts.doctest_globs or DEFAULT_DOCTEST_GLOBS


def environment_is_open(environ: Mapping[str, str]) -> bool:
    """``PYTEST_ADDOPTS`` is not read for what it ignores or deselects (the selection is the
    repository's, not the shell's, and it must never shrink on what a shell says); when it
    picks another configuration, rootdir or conftest cut, nothing is filtered."""
    text = environ.get("PYTEST_ADDOPTS", "")
    if not text.strip():
        return False
    try:
        tokens = shlex.split(text)
    except ValueError:
        return True
    return any(t == o or t.startswith(o + "=") or (len(o) == 2 and t.startswith(o))
               for t in tokens for o in _CONFIG_OPTIONS)


def collection(
    base: str, start: str, testpaths: tuple[str, ...], norecursedirs: tuple[str, ...],
    python_files: tuple[str, ...] | None, addopts: Addopts, tree: Tree,
    widening_plugin: Callable[[str], bool],
) -> Collection:
    """The plain run from ``start`` with the configuration of ``base`` (its folder: pytest's
    rootdir) and these settings."""
    if addopts.overrides or any(widening_plugin(p) for p in addopts.plugins
                                if not p.startswith("no:")):
        return replace(OPEN, base=base, start=start, doctest_modules=addopts.doctest_modules,
                       doctest_globs=doctest_globs(addopts))
    cut = base
    if addopts.confcutdir is not None:
        deeper = _inside(start, addopts.confcutdir)
        if deeper is None or not _within(deeper, base):
            return replace(OPEN, base=base, start=start,  # a cut we do not follow
                           doctest_modules=addopts.doctest_modules,
                           doctest_globs=doctest_globs(addopts))
        cut = deeper
    conftests = None if addopts.noconftest else {
        folder: facts for folder, facts in tree.conftests.items() if _within(folder, cut)}
    return Collection(
        testpaths=testpaths, norecursedirs=norecursedirs, python_files=python_files,
        ignore=addopts.ignore, ignore_glob=addopts.ignore_glob, deselect=addopts.deselect,
        base=base, start=start, conftests=conftests, doctest_modules=addopts.doctest_modules,
        doctest_globs=doctest_globs(addopts),
    )


def _within(folder: str, cut: str) -> bool:
    return not cut or folder == cut or folder.startswith(cut + "/")


def _inside(base: str, entry: str) -> str | None:
    """``entry`` (relative to ``base``) as a repository folder at or below the root."""
    text = entry.replace("\\", "/")
    if text.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(base, text) if base else text)
    if joined == ".." or joined.startswith("../"):
        return None
    return "" if joined == "." else joined


def plugin_module(root: Path, base: str, name: str) -> Iterator[Path]:
    """Where a ``-p NAME`` module of the repository could be (its folder first, the root)."""
    dotted = name.strip().replace(".", "/")
    if not dotted or dotted.startswith("/") or ".." in dotted.split("/"):
        return
    for folder in dict.fromkeys((root / base, root)):
        yield folder / f"{dotted}.py"
        yield folder / dotted / "__init__.py"


def widening_plugin(root: Path, base: str, read: Callable[[Path], str]) -> Callable[[str], bool]:
    def check(name: str) -> bool:
        for path in plugin_module(root, base, name):
            if path.is_file():
                try:
                    return defines_widening_hook(read(path))
                except (OSError, ValueError, ImpactGraphError):
                    return True
        return False  # an installed plugin: as unknown as any installed one
    return check
