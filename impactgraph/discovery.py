"""Source roots and module names, computed the way Python would import the files.

Pure: it takes the list of file paths (relative, "/"-separated) and answers from that alone.
"""

from __future__ import annotations

import fnmatch
import functools
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

# Folders that never hold the analysed code.
DEFAULT_EXCLUDES = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", ".impactgraph",
    "__pycache__", "site-packages", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist",
    ".eggs",
)
DEFAULT_TEST_PATTERNS = ("test_*.py", "*_test.py", "conftest.py")
# Files that make a folder a project (a distribution): in a flat layout, the folder Python
# imports its packages from. ``discover`` takes them among its paths.
PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # relative to the repository root
    module: str
    is_package: bool
    # Top-level import names that mean a module of this file's own source root, which goes
    # by a longer name here because another root has a module of that name (``helpers`` ->
    # ``packages.web.tests.helpers``): its absolute imports are read through them.
    aliases: tuple[tuple[str, str], ...] = ()


def path_parts(path: str) -> tuple[str, ...]:
    """``PurePosixPath(path).parts``, without making a path object for a clean relative path
    (no empty or ``.`` component: what git lists). A query on 10,000 files asks for tens of
    thousands of these; pathlib's parsing was a tenth of its time."""
    parts = path.split("/")
    if "" in parts or "." in parts:
        return PurePosixPath(path).parts
    return tuple(parts)


def _parent(path: str) -> str:
    """``str(PurePosixPath(path).parent)``."""
    parts = path.split("/")
    if "" in parts or "." in parts:
        return str(PurePosixPath(path).parent)
    return "/".join(parts[:-1]) if len(parts) > 1 else "."


def is_excluded(path: str, patterns: Sequence[str] = ()) -> bool:
    parts = path_parts(path)
    if any(part in DEFAULT_EXCLUDES or part.endswith(".egg-info") for part in parts[:-1]):
        return True
    return any(
        fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.rstrip("/") + "/*")
        for pattern in patterns
    )


def is_test_path(path: str, patterns: Sequence[str] = DEFAULT_TEST_PATTERNS) -> bool:
    return _is_test_path(path, tuple(patterns))


@functools.lru_cache(maxsize=1 << 16)  # asked again and again about the same files
def _is_test_path(path: str, patterns: tuple[str, ...]) -> bool:
    parts = path_parts(path)
    name = parts[-1] if parts else ""
    return any(_test_pattern_match(p, path, name) for p in patterns)


def _test_pattern_match(pattern: str, path: str, name: str) -> bool:
    """A name pattern matches the file's name (or its path); one with "/" matches the path
    as pytest's ``fnmatch_ex`` does (any folders before it: ``tests/*.py`` matches
    ``pkg/tests/x.py``); ``DIR/**/PATTERN``: PATTERN, as above, for files below DIR."""
    if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path, pattern):
        return True
    if "/**/" in pattern:
        folder, rest = pattern.split("/**/", 1)
        return fnmatch.fnmatch(path, folder + "/*") and _test_pattern_match(rest, path, name)
    return "/" in pattern and fnmatch.fnmatch("/" + path, "*/" + pattern.lstrip("/"))


TEST_FOLDERS = frozenset({"tests"})


def is_test_code(path: str, patterns: Sequence[str] = DEFAULT_TEST_PATTERNS) -> bool:
    """A test file, a ``conftest.py``, or any file under a ``tests`` folder (helpers, data).

    Test code is not an API: no change to it is ever breaking.
    """
    parts = path_parts(path)
    return is_test_path(path, patterns) or parts[-1:] == ("conftest.py",) or any(
        part in TEST_FOLDERS for part in parts[:-1]
    )


# Folder names that are a place on ``sys.path`` far more often than a namespace package that
# several folders share (``services/*/lib/<package>``): never taken for one.
_NOT_NAMESPACES = frozenset({"src", "lib", "libs", "python", "py", "source", "sources"})
# Folders of files run as programs (``python pkg/scripts/tool.py``, which imports its
# neighbours by their own names), not imported: a module directly in one, in a package, keeps
# its own name, as test code does (pytest's basedir). A folder of modules in a package is
# otherwise a namespace package of it, as Python imports it: flask 3's
# ``flask/sansio/app.py`` is ``flask.sansio.app``.
_SCRIPT_FOLDERS = frozenset({"scripts", "script", "bin", "tools", "examples", "example",
                             "demo", "demos", "samples", "sample", "benchmarks", "docs"})


def _root_for(text: str, package_dirs: set[str], roots: Sequence[str],
              import_paths: Sequence[str] = (), namespaces: frozenset[str] = frozenset(),
              projects: frozenset[str] = frozenset(), test_code: bool = False) -> str:
    """The source root of ``text``, a clean relative path (as ``path_parts`` keeps it).
    ``test_code``: pytest imports the file from the first folder above it that has no
    ``__init__.py`` (its "basedir"), not as a module of the package above that folder."""
    matching = [r for r in roots if r in ("", ".") or text.startswith(r.rstrip("/") + "/")]
    if matching:
        best = max(matching, key=len)
        return "" if best in ("", ".") else best.rstrip("/")
    parts = path_parts(text)[:-1]
    if "src" in parts:  # src layouts, also packages/*/src in a monorepo
        index = len(parts) - 1 - parts[::-1].index("src")
        return "/".join(parts[: index + 1])
    directory = _parent(text)
    in_package = False
    while directory != "." and (directory in package_dirs or (
            (in_package or (not test_code and directory.rsplit("/", 1)[-1] not in
                            _SCRIPT_FOLDERS))
            and _namespace_in_package(directory, package_dirs))):
        parent = _parent(directory)
        if parent == directory:  # "/" is its own parent: an absolute path looped forever
            break
        directory, in_package = parent, True
    # test code is imported by the folder pytest puts first on sys.path, not by a namespace
    # (flask's tests/test_apps/blueprintapp is ``blueprintapp``, with tests on pythonpath)
    if in_package and not any(part in TEST_FOLDERS for part in path_parts(directory)):
        directory = _namespace_root(directory, import_paths, namespaces, projects)
    return "" if directory == "." else directory


def _namespace_in_package(directory: str, package_dirs: set[str]) -> bool:
    """Is ``directory``, a folder without ``__init__.py`` above a package, a namespace
    package inside a regular one (its parent folder is a package)? Python imports it as
    ``parent.directory``: masonite 4.0 dropped ``masonite/drivers/__init__.py`` and kept
    ``masonite/drivers/queue/__init__.py``, still imported as ``masonite.drivers.queue``
    (it was taken for a top-level ``queue``, and every import of it for a break)."""
    name = directory.rsplit("/", 1)[-1]
    return (name.isidentifier() and name not in TEST_FOLDERS and name not in _NOT_NAMESPACES
            and _parent(directory) in package_dirs)


def _namespace_root(directory: str, import_paths: Sequence[str],
                    namespaces: frozenset[str], projects: frozenset[str] = frozenset()) -> str:
    """Where Python imports a package whose parent ``directory`` is no package: above it when
    ``directory`` is a PEP 420 namespace package (``packages/core/acme`` for ``acme.core``).
    Known from a folder on pytest's ``pythonpath`` above it (through namespace folders only),
    else from the project folder (``pyproject.toml``, ``setup.py``, ``setup.cfg``) of a flat
    layout above it, else from the folder's name being a namespace that several folders
    share, or the start of the name of the folder above it (``packages/acme-core/acme``)."""
    between = [p for p in import_paths if directory.startswith(p + "/")]
    if between:
        best = max(between, key=len)
        if all(step.isidentifier() for step in directory[len(best) + 1:].split("/")):
            return best
    if directory in projects:
        return directory
    folder = directory
    while folder != "." and projects:
        name, folder = folder.rsplit("/", 1)[-1], _parent(folder)
        if not name.isidentifier() or name in _NOT_NAMESPACES or name in TEST_FOLDERS:
            break
        if folder in projects:
            return folder
    while directory != ".":
        name, parent = directory.rsplit("/", 1)[-1], _parent(directory)
        # a project folder named for the namespace: packages/acme-core/acme/core
        project = parent.rsplit("/", 1)[-1].replace("-", "_").replace(".", "_").lower()
        if name not in namespaces and not (
            name.isidentifier() and name not in _NOT_NAMESPACES and name not in TEST_FOLDERS
            and parent != "." and project.startswith(name.lower() + "_")
        ):
            break
        directory = parent
    return directory


def _shared_namespaces(package_dirs: set[str]) -> frozenset[str]:
    """Names of folders that are namespace packages of several packages: the folders without
    ``__init__.py`` above a package, up to a ``src/`` folder (``src/acme/core``, also
    ``src/acme/platform/core``) or a ``lib/``-like one holding a package of its own, or by
    name in two places (``packages/core/acme/core``,
    ``packages/web/acme/web``)."""
    places: dict[str, set[str]] = {}
    # folders holding a package of their own: a ``lib/`` beside ``lib/matplotlib/`` is where
    # Python imports from, as a ``src/`` is (matplotlib's ``lib/mpl_toolkits/mplot3d`` is
    # ``mpl_toolkits.mplot3d``)
    holders = {_parent(package) for package in package_dirs}
    for package in package_dirs:
        folder = _parent(package)
        if folder in (".", package) or folder in package_dirs:
            continue
        chain: list[tuple[str, str]] = []  # (name, folder) from the package up
        under_src = False
        while folder != ".":
            name = folder.rsplit("/", 1)[-1]
            if not name.isidentifier() or name in TEST_FOLDERS or name in _NOT_NAMESPACES:
                under_src = name == "src" or (name in _NOT_NAMESPACES and folder in holders)
                break
            chain.append((name, folder))
            folder = _parent(folder)
        for name, where in chain:
            places.setdefault(name, set()).update([where, "src"] if under_src else [where])
    return frozenset(name for name, found in places.items() if len(found) > 1)


def path_names(modules: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Import path -> module, for the (module, path) pairs of modules an import may name by
    another path than their module name.

    ``lib/m.py`` is the module ``m`` when ``lib`` has no ``__init__.py`` (a loose module's
    folder is its root), but with the repository root on ``sys.path`` (``python -m pytest``,
    a root ``conftest.py``, ``pythonpath = ["."]``) ``import lib.m`` loads that file too,
    ``lib`` being a namespace package; so does ``tests.helpers`` for ``tests/helpers.py``.
    A folder we do not know to be on ``sys.path`` may be there too (Pants' and Bazel's source
    roots, ``sys.path.insert`` in a ``conftest.py``, a package's own folder when its tests run
    from it): ``org.proj.util`` is ``src/python/org/proj/util.py``, the module
    ``python.org.proj.util`` here, when that is the only file whose path ends so below a
    folder that is no package. A path that is some module's own name stays that module's; of
    a package and a module on one path, the package is what Python imports.
    """
    stems: dict[str, tuple[bool, str]] = {}  # "lib/m" -> (is a package, module)
    names = set()
    package_dirs = set()
    for module, path in modules:
        names.add(module)
        stem = path.removesuffix(".py")
        if stem == path:
            continue  # not a Python file (a stub)
        package = stem == "__init__" or stem.endswith("/__init__")
        if package:
            stem = stem.removesuffix("__init__").rstrip("/")
            package_dirs.add(stem)
        if not stem or not all(p.isidentifier() for p in stem.split("/")):
            continue
        if stem not in stems or (package and not stems[stem][0]):
            stems[stem] = (package, module)
    table: dict[str, str] = {}
    for stem, (_, module) in stems.items():
        dotted = stem.replace("/", ".")
        if dotted != module and dotted not in names:
            table[dotted] = module
    ends: dict[str, set[str]] = defaultdict(set)  # a path's last parts -> the modules
    for stem, (_, module) in stems.items():
        parts = stem.split("/")
        for start in range(1, len(parts) - 1):  # two parts at least, not the whole path
            if "/".join(parts[:start]) not in package_dirs:  # in a package: not on sys.path
                ends[".".join(parts[start:])].add(module)
    for dotted, found in ends.items():
        if len(found) == 1 and dotted not in names and dotted not in table:
            table[dotted] = next(iter(found))
    return table


def starts_with_module(dotted: str, modules: Container[str]) -> bool:
    """Does the import path ``dotted`` start with the name of one of ``modules``?"""
    parts = dotted.split(".")
    return any(".".join(parts[:cut]) in modules for cut in range(1, len(parts) + 1))


def through_paths(dotted: str, modules: Container[str], table: Mapping[str, str]) -> str:
    """An import path as the modules are named: ``lib.m.f`` is ``m.f`` when ``table``
    (``path_names``) says ``lib.m`` is the module ``m``; a path starting with a module's own
    name, or naming none, is itself (Python finds a module of that name first)."""
    if starts_with_module(dotted, modules):
        return dotted
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module = table.get(".".join(parts[:cut]))
        if module is not None:
            return ".".join([module, *parts[cut:]])
    return dotted


def module_name(path: str, root: str) -> tuple[str, bool]:
    parts, above = path.split("/"), root.split("/") if root else []
    if (
        "" not in parts and "." not in parts and "" not in above and "." not in above
        and len(parts) > len(above) and parts[: len(above)] == above
    ):  # clean paths, the root above the file: pathlib's answer without pathlib
        name = parts[-1]
        dot = name.rfind(".")
        stem = name[:dot] if 0 < dot < len(name) - 1 else name  # with_suffix("")
        return _module([*parts[len(above):-1], stem])
    relative = PurePosixPath(path).relative_to(root) if root else PurePosixPath(path)
    return _module(list(relative.with_suffix("").parts))


def _module(parts: list[str]) -> tuple[str, bool]:
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def discover(
    paths: Iterable[str], source_roots: Sequence[str] = (), exclude: Sequence[str] = (),
    import_paths: Sequence[str] = (), test_patterns: Sequence[str] = DEFAULT_TEST_PATTERNS,
) -> list[SourceFile]:
    """Every importable ``.py`` file among ``paths`` with its module name, sorted by path.

    Two source roots with a top-level module or package of the same name (``tests/helpers.py``
    in two packages of a monorepo, or ``tests/__init__.py`` in both) would give two files one
    module name (namespace packages, without ``__init__.py``, merge as in Python). The
    repository root, else the root whose file sorts first, keeps the name; under the others
    every module of that top-level name is named from the repository root
    (``packages.web.tests.helpers``), and the files of such a root get ``aliases`` so that
    their own ``import helpers`` still means their own file, as it does for Python (a root is
    first on ``sys.path`` for the code in it; pytest puts a test's own folder there).

    ``import_paths``: folders that are on ``sys.path`` when the tests run (pytest's
    ``pythonpath``); a package below one through namespace folders only is named from it
    (``packages/core/acme/core`` is ``acme.core`` with ``packages/core`` there). Project files
    among ``paths`` (``PROJECT_FILES``) say the same of their folders.

    A file whose name is no identifier is left out (no ``import`` names it), unless it is a
    test file (``test_patterns``): pytest imports a test file by its path, so
    ``tests/test_max-min.py`` runs like any other; it keeps its name (``tests.test_max-min``,
    as in ``sys.modules`` under pytest), which no import can reach.
    """
    paths_list = list(paths)
    patterns = tuple(test_patterns)
    files = sorted(
        p for p in paths_list if p.endswith(".py") and not is_excluded(p, exclude)
    )
    package_dirs = {_parent(p) for p in files if p.endswith("/__init__.py")}
    if "__init__.py" in files:
        package_dirs.add(".")
    hints = tuple(p for p in (_clean_folder(p) for p in import_paths) if p)
    namespaces = _shared_namespaces(package_dirs)
    projects = frozenset(
        _parent(p) for p in paths_list if p.rsplit("/", 1)[-1] in PROJECT_FILES
        and not is_excluded(p, exclude)) - {"."}
    found: list[tuple[str, str, str, bool]] = []  # path, root, module name there, is_package
    owner: dict[str, str] = {}  # top-level module or package -> the root that keeps its name
    defined: set[tuple[str, str]] = set()  # (root, top-level module or package it defines)
    for text in files:
        parts = text.split("/")
        clean = str(PurePosixPath(text)) if "" in parts or "." in parts else text
        root = _root_for(clean, package_dirs, source_roots, hints, namespaces, projects,
                         test_code=is_test_code(clean, patterns))
        name, is_package = module_name(text, root)
        if not name or (not all(part.isidentifier() for part in name.split("."))
                         and not _imported_by_path(name, text, patterns)):
            continue
        found.append((text, root, name, is_package))
        if "." not in name:  # a namespace package (no __init__.py) is no claim: they merge
            defined.add((root, name))
            if root == "" or name not in owner:
                owner[name] = root
    result: dict[str, SourceFile] = {}
    aliases: dict[str, dict[str, str]] = {}  # root -> its own top-level name -> module
    for text, root, name, is_package in found:
        top = name.split(".", 1)[0]
        if (root, top) in defined and owner[top] != root:
            qualified = _qualified(text)
            prefix = qualified.split(".")[: qualified.count(".") - name.count(".")]
            aliases.setdefault(root, {})[top] = ".".join(prefix) + "." + top
            name = qualified
        elif name in result:  # one module in two namespace packages: tell them apart
            name = _qualified(text)
        if name not in result:
            result[name] = SourceFile(text, name, is_package)
    roots = {text: root for text, root, _, _ in found}
    return sorted(
        (replace(f, aliases=tuple(sorted(aliases.get(roots[f.path], {}).items())))
         for f in result.values()),
        key=lambda f: f.path,
    )


def _imported_by_path(name: str, path: str, test_patterns: tuple[str, ...]) -> bool:
    """A test file that pytest can import although its own name is no identifier: its
    packages' names are identifiers (pytest imports it as ``tests.test_max-min``) and its own
    is not empty."""
    *packages, last = name.split(".")
    return (bool(last) and all(part.isidentifier() for part in packages)
            and _is_test_path(path, test_patterns))


def _clean_folder(path: str) -> str:
    """A relative folder as ``_root_for`` compares it ("" for the root, or for anything
    outside the repository)."""
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts:
        return ""
    text = str(pure)
    return "" if text == "." else text


def _qualified(path: str) -> str:
    """The module name of ``path`` from the repository root."""
    return ".".join(
        p for p in PurePosixPath(path).with_suffix("").parts if p != "__init__"
    ).replace("-", "_")
