"""Which package a module belongs to, as a reader of the repository would say (pure).

A library module belongs to its top-level import package (``orders`` for ``orders.service``).
A test module usually has no import package of its own (``packages/catalog/tests/test_x.py``
is the top-level module ``test_x``), so it belongs to the package whose folder holds it:

- inside an import package (``src/shop/tests/test_x.py`` is ``shop.tests.test_x``): that
  package;
- inside a project folder of a monorepo (``packages/catalog``, the folder above a ``src``
  source root, or a source root that holds the package itself): the one library package of
  that folder, or the folder's name when it holds several;
- otherwise (a root-level ``tests/`` folder): no library package; the top folder's name
  (``tests``), or the module's own name for a file at the repository root.

Test code here means a file matching the test patterns, or any file under a folder named
``tests``, ``test`` or ``testing`` (helpers and fixtures beside the tests).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath

from impactgraph.discovery import DEFAULT_TEST_PATTERNS, is_test_path, path_parts
from impactgraph.model import top_package

TEST_FOLDERS = frozenset({"tests", "test", "testing"})


def is_test_code(path: str, patterns: Sequence[str] = DEFAULT_TEST_PATTERNS) -> bool:
    folders = path_parts(path)[:-1]
    return is_test_path(path, patterns) or any(part in TEST_FOLDERS for part in folders)


def module_packages(
    paths: Mapping[str, str], test_patterns: Sequence[str] = DEFAULT_TEST_PATTERNS
) -> dict[str, str]:
    """``{module: package}`` for every module of ``paths`` (``{module: path}``)."""
    library: set[str] = set()
    folders: dict[str, set[str]] = {}  # project folder -> the library packages it holds
    tests: list[str] = []
    for module, path in paths.items():
        if is_test_code(path, test_patterns):
            tests.append(module)
            continue
        package = top_package(module)
        library.add(package)
        folder = _project_folder(module, path)
        if folder:
            folders.setdefault(folder, set()).add(package)
    result = {module: top_package(module) for module in paths}
    for module in tests:
        if result[module] in library:
            continue
        result[module] = _holder(paths[module], folders) or _top_folder(module, paths[module])
    return result


def _project_folder(module: str, path: str) -> str:
    """The folder that holds a library module's source root, minus a trailing ``src``."""
    parts = path_parts(path)
    depth = module.count(".") + (2 if parts[-1] == "__init__.py" else 1)
    root = parts[: max(len(parts) - depth, 0)]
    if root and root[-1] == "src":
        root = root[:-1]
    return "/".join(root)


def _holder(path: str, folders: Mapping[str, set[str]]) -> str | None:
    holders = [folder for folder in folders if path.startswith(folder + "/")]
    if not holders:
        return None
    folder = max(holders, key=len)
    packages = folders[folder]
    return next(iter(packages)) if len(packages) == 1 else PurePosixPath(folder).name


def _top_folder(module: str, path: str) -> str:
    parts = path_parts(path)
    return parts[0] if len(parts) > 1 else top_package(module)
