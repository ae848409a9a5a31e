"""discovery's string path helpers give pathlib's answers, odd paths included."""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath

from hypothesis import given
from hypothesis import strategies as st

from impactgraph.discovery import (
    DEFAULT_TEST_PATTERNS,
    _parent,
    discover,
    is_test_path,
    module_name,
    path_parts,
)

PARTS = st.sampled_from(
    ["a", "b", "src", ".", "", "..", "__init__.py", "x.py", ".py", "a.b.py", "t.py.",
     "test_x.py", "x_test.py", "conftest.py", "tests"]
)
PATHS = st.lists(PARTS, min_size=1, max_size=5).map("/".join)
ROOTS = st.sampled_from(["", "a", "a/b", "src", ".", "a/", "/a", "a//b", "./a", "x.py"])


def _outcome(function, *args):
    try:
        return "ok", function(*args)
    except ValueError as error:
        return "error", type(error).__name__


def _pathlib_module_name(path: str, root: str) -> tuple[str, bool]:
    relative = PurePosixPath(path).relative_to(root) if root else PurePosixPath(path)
    parts = list(relative.with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


@given(PATHS, ROOTS)
def test_helpers_answer_as_pathlib(path: str, root: str) -> None:
    assert path_parts(path) == PurePosixPath(path).parts
    assert _parent(path) == str(PurePosixPath(path).parent)
    name = PurePosixPath(path).name
    assert is_test_path(path) == any(
        fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in DEFAULT_TEST_PATTERNS
    )
    assert _outcome(module_name, path, root) == _outcome(_pathlib_module_name, path, root)


def test_discover_names_modules_of_clean_and_odd_paths() -> None:
    found = discover(
        ["pkg/__init__.py", "pkg/sub/__init__.py", "pkg/sub/m.py", "src/lib/__init__.py",
         "src/lib/a.py", "tests/test_a.py", "other/tests/test_a.py", "/abs/x.py", "./top.py",
         "pkg//sub/n.py", "a-b/c.py", "node_modules/x.py"]
    )
    assert {(f.path, f.module, f.is_package) for f in found} == {
        ("./top.py", "top", False),
        ("/abs/x.py", "x", False),
        ("pkg/__init__.py", "pkg", True),
        ("pkg/sub/__init__.py", "pkg.sub", True),
        ("pkg/sub/m.py", "pkg.sub.m", False),
        ("pkg//sub/n.py", "pkg.sub.n", False),
        ("src/lib/__init__.py", "lib", True),
        ("src/lib/a.py", "lib.a", False),
        ("other/tests/test_a.py", "test_a", False),  # sorted first: the plain name
        ("tests/test_a.py", "tests.test_a", False),  # a clash: qualified by its folders
        ("a-b/c.py", "c", False),
    }


def test_a_package_at_the_filesystem_root_ends_the_search_for_a_source_root() -> None:
    # "/" is its own parent: the walk up from /x.py went round forever
    found = discover(["/__init__.py", "/x.py", "a/__init__.py"])
    assert [(f.path, f.module) for f in found] == [("/x.py", "x"), ("a/__init__.py", "a")]


@given(PATHS)
def test_path_strings_give_pathlibs_parent_and_name(path: str) -> None:
    from impactgraph.path_strings import parent_and_name, path_name, path_parent

    pure = PurePosixPath(path)
    assert parent_and_name(path) == (str(pure.parent), pure.name)
    assert (path_parent(path), path_name(path)) == (str(pure.parent), pure.name)
