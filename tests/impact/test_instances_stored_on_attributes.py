"""Instances of a class that lost names with its base, handed to a class of ours whose own
``__init__`` stores them on an attribute, are followed to every read of that attribute: a
maker whose instances are only read there by names the class kept breaks nothing. A read
that indexes, iterates or hands on what the attribute holds still breaks it.

mypy 1.13.0 -> 1.14.0 made ``SearchPaths(NamedTuple)`` a plain class with the same fields;
every maker (``process_options``, ``FindModuleCache._can_find_module_in_parent_dir``,
``stubgen``, three test suites) hands it to ``FindModuleCache(...)``, which stores it on
``self.search_paths`` and reads its fields: 6 modules judged broken, 3 more at import.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

PATHS = """\
from typing import NamedTuple


class SearchPaths(NamedTuple):
    python_path: tuple
    mypy_path: tuple
"""

PATHS_HEAD = """\
class SearchPaths:
    def __init__(self, python_path, mypy_path):
        self.python_path = python_path
        self.mypy_path = mypy_path
"""

CACHE = """\
from paths import SearchPaths


class FindModuleCache:
    def __init__(self, search_paths, options, fscache=None):
        self.search_paths = search_paths
        self.options = options

    def find(self, name):
        for path in self.search_paths.python_path + self.search_paths.mypy_path:
            if name in path:
                return path
{more}
        return None


def parent_cache(options):
    return FindModuleCache(SearchPaths((), ()), options)
"""

MAIN = """\
from cache import FindModuleCache
from paths import SearchPaths


def process_options(options):
    search_paths = SearchPaths((".",), ())
    cache = FindModuleCache(search_paths, options)
    return cache.find("x")
"""


def _impact(tmp_path: Path, more: str = "") -> set[str]:
    cache = CACHE.format(more=more)
    base = {"paths.py": PATHS, "cache.py": cache, "main.py": MAIN}
    head = {"paths.py": PATHS_HEAD, "cache.py": cache, "main.py": MAIN}
    report = impact_between(base, head, tmp_path)
    assert ("paths:SearchPaths", "base-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


def test_instances_stored_and_read_by_their_fields_break_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path) == set()


@pytest.mark.parametrize("more", [
    "        first = self.search_paths[0]",  # a tuple's item
    "        paths = self.search_paths\n        python_path, mypy_path = paths",  # unpacked
    "        print(list(self.search_paths))",  # handed to outside code
    "        return self.search_paths._asdict()",  # a name it lost
])
def test_a_read_of_the_attribute_using_a_lost_name_still_breaks(tmp_path: Path,
                                                                more: str) -> None:
    assert _impact(tmp_path, more) == {"cache", "main"}


SUITE = """\
from cache import FindModuleCache
from paths import SearchPaths


class Options:
    namespace_packages = True


class ModuleFinderSuite:
    def setUp(self):
        self.search_paths = SearchPaths(("a",), ())
        options = Options()
        options.namespace_packages = True
        self.fmc_ns = FindModuleCache(self.search_paths, fscache=None, options=options)
        options = Options()
        options.namespace_packages = False
        self.fmc_nons = FindModuleCache(self.search_paths, fscache=None, options=options)
{more}
    def test_find(self):
        assert self.fmc_ns.find("x") is None
"""

PARENT = """\
from cache import FindModuleCache
from paths import SearchPaths


def parent_search(options, working_dir):
    search = FindModuleCache(SearchPaths((), ()), options)
    search.search_paths = SearchPaths((working_dir,), ())
    return search.find("x")
"""


@pytest.mark.parametrize(("more", "broken"), [
    ("", set()),
    ("        self.first = self.search_paths[0]\n", {"cache", "main", "test_finder", "parent"}),
])
def test_the_same_call_twice_and_a_store_on_another_value_are_followed(
        tmp_path: Path, more: str, broken: set[str]) -> None:
    # a test suite's ``setUp`` makes the same call twice (with an ``options`` of its own
    # each), storing the instance on ``self`` first; another maker stores one on the
    # attribute of a value it made
    cache = CACHE.format(more="")
    files = {"cache.py": cache, "main.py": MAIN, "test_finder.py": SUITE.format(more=more),
             "parent.py": PARENT}
    report = impact_between({**files, "paths.py": PATHS}, {**files, "paths.py": PATHS_HEAD},
                            tmp_path)
    assert broken_modules(report) == broken
