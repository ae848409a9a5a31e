"""Non-Python files that the code or its tests may read: ``file-changed``.

A template, a data file or ``pyproject.toml`` changes what the tests see without changing a
line of Python, so the analysis cannot vouch for it: such a change is reported (not breaking)
and ``tests`` fails open on it. Only files where code looks for them count: inside a package
folder (package data), inside a test folder (test data, conftest-level templates), and the
test/build configuration anywhere. A README, the docs or CI workflows do not.

Pure: paths in, ``Change``s and scopes out.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import PurePosixPath

from impactgraph.discovery import DEFAULT_TEST_PATTERNS, TEST_FOLDERS, is_excluded, is_test_path
from impactgraph.model import Change, ChangeKind
from impactgraph.path_strings import parent_and_name

CONFIG_FILES = ("pyproject.toml", "setup.cfg", "tox.ini", "pytest.ini", ".impactgraph.toml",
                "requirements*.txt", "requirements*.in", "constraints*.txt")
PROJECT_FILES = frozenset({"pyproject.toml", "setup.cfg", "tox.ini", "pytest.ini"})
_TEST_FOLDER_NAMES = TEST_FOLDERS | {"test", "testing"}


class FileRole(str, Enum):
    CONFIG = "test/build configuration"
    TEST_DATA = "test data"
    PACKAGE_DATA = "package data"


@dataclass(frozen=True, slots=True)
class FileScope:
    """Where a changed file can be seen from: every test (config) or the folders below."""

    role: FileRole
    test_folder: str | None = None  # test files under this folder may read it (a project's
    # configuration: the tests of that project; None for configuration: every test)
    package_folder: str | None = None  # code under this folder (a top-level package) may read it


@dataclass(frozen=True, slots=True)
class PythonLayout:
    """The Python files of both revisions, seen as folders: packages and test folders."""

    package_dirs: frozenset[str]
    test_dirs: frozenset[str]  # folders holding a test file directly, or test folders by name

    @classmethod
    def of(
        cls, python_paths: Iterable[str], patterns: Sequence[str] = DEFAULT_TEST_PATTERNS
    ) -> PythonLayout:
        packages: set[str] = set()
        tests: set[str] = set()
        for path in python_paths:
            folder, name = parent_and_name(path)
            if folder == ".":
                continue
            if name == "__init__.py":
                packages.add(folder)
            if is_test_path(path, patterns):
                tests.add(folder)
                tests.update(
                    str(p) for p in PurePosixPath(path).parent.parents
                    if p.name in _TEST_FOLDER_NAMES and str(p) != "."
                )
        return cls(frozenset(packages), frozenset(tests))

    def scope(self, path: str) -> FileScope | None:
        """Why a changed non-Python file matters, or None when nothing reads it."""
        name = PurePosixPath(path).name
        in_requirements = PurePosixPath(path).parent.name == "requirements" and name.endswith(
            (".txt", ".in")
        )  # ``requirements/tests.txt``
        if in_requirements or any(fnmatch.fnmatch(name, pattern) for pattern in CONFIG_FILES):
            # A project's own configuration (``examples/app/pyproject.toml``) reaches the tests
            # of that project; requirements files, and anything at the root, reach every test.
            folder = str(PurePosixPath(path).parent)
            project = name in PROJECT_FILES and folder != "."
            return FileScope(FileRole.CONFIG, test_folder=folder if project else None)
        folders = [str(p) for p in PurePosixPath(path).parents if str(p) != "."]
        # the highest test folder above the file: its tests may read it through ``../data``
        test_folder = next((f for f in reversed(folders) if f in self.test_dirs), None)
        package = next((f for f in folders if f in self.package_dirs), None)
        if package is not None:  # climb to the top-level package: any of its modules may read it
            while str(PurePosixPath(package).parent) in self.package_dirs:
                package = str(PurePosixPath(package).parent)
        if test_folder is None and package is None:
            return None
        role = FileRole.TEST_DATA if test_folder is not None else FileRole.PACKAGE_DATA
        return FileScope(role, test_folder, package)


def file_changes(
    changed: Mapping[str, str],
    python_paths: Collection[str],
    *,
    patterns: Sequence[str] = DEFAULT_TEST_PATTERNS,
    exclude: Sequence[str] = (),
) -> list[Change]:
    """``file-changed`` for each changed non-Python file that code or tests may read.

    ``changed``: path -> what happened to it (``added``, ``deleted``, ``modified``...);
    ``python_paths``: the Python files of both revisions (they tell where packages and tests are).
    """
    # made for the first file that needs it: most change sets have none, and it reads every
    # Python path (a tenth of a second for 10,000)
    layout: PythonLayout | None = None
    changes = []
    for path, status in sorted(changed.items()):
        if path.endswith(".py") or is_excluded(path, exclude):
            continue
        if layout is None:
            layout = PythonLayout.of(python_paths, patterns)
        scope = layout.scope(path)
        if scope is None:
            continue
        changes.append(
            Change(path, ChangeKind.FILE_CHANGED, False, path, 0, f"{status}; {scope.role.value}")
        )
    return changes
