"""``impactgraph tests`` after a change to ``__hash__`` or ``__eq__`` (or what they call) of a
class whose objects go into a set or become dict keys: ``{a, b}``, ``{key: value}``,
``set(items)`` and ``frozenset(items)`` hash each element (of ``map(f, xs)``: what ``f``
returns) and compare it with ``==`` on a hash
match. (multimethod 1.12: ``subtype.__new__`` normalizes its arguments with
``set(args) <= {object}``, the arguments being ``subtype`` objects whose ``__hash__`` calls
``self.key()``; ``key`` renamed failed tests/test_subscripts.py, which calls ``subtype(...)``
directly, not selected.) Checked against pytest: each change below fails its test file only."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/keys.py": """
        class Key:
            def __init__(self, name):
                self.name = name

            def key(self):
                return self.name

            def __hash__(self):
                return hash(self.key())

            def __eq__(self, other):
                return self.key() == other.key()


        class Plain:
            def key(self):
                return 0

            def __hash__(self):
                return 1


        def literal(a, b):
            return len({Key(a), Key(b)})


        def keyed(a):
            return {Key(a): 1}


        def made(names):
            return len(set(Key(n) for n in names))


        def frozen(names):
            return frozenset([Key(n) for n in names])


        def mapped(names):
            return set(map(Key, names))


        def listed(names):
            return [Plain() for _ in names]
    """,
    "tests/test_literal.py": """
        from pkg.keys import literal


        def test_literal():
            assert literal("a", "a") == 1
    """,
    "tests/test_keyed.py": """
        from pkg.keys import keyed


        def test_keyed():
            assert len(keyed("a")) == 1
    """,
    "tests/test_made.py": """
        from pkg.keys import made


        def test_made():
            assert made(["a", "a"]) == 1
    """,
    "tests/test_frozen.py": """
        from pkg.keys import frozen


        def test_frozen():
            assert len(frozen(["a", "b"])) == 2
    """,
    "tests/test_mapped.py": """
        from pkg.keys import mapped


        def test_mapped():
            assert len(mapped(["a", "a"])) == 1
    """,
    "tests/test_listed.py": """
        from pkg.keys import listed


        def test_listed():
            assert len(listed(["a"])) == 1
    """,
}

HASHING = ["tests/test_frozen.py", "tests/test_keyed.py", "tests/test_literal.py",
           "tests/test_made.py", "tests/test_mapped.py"]


def _changed(root: Path, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    path = "src/pkg/keys.py"
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new, 1)})
    return selected_tests(root)


@pytest.mark.parametrize(("old", "new"), [
    # before: nothing selected (no call of ours reaches __hash__ or key)
    ("def key(self):\n                return self.name", "def key(self, extra):\n"
     "                return self.name"),
    ("return hash(self.key())", "return None"),
])
def test_a_change_to_hashing_selects_the_tests_putting_objects_in_sets_or_dicts(
        tmp_path: Path, old: str, new: str) -> None:
    root = init_repo(tmp_path / "repo")
    assert _changed(root, old, new) == HASHING


def test_a_change_to_hashing_no_set_or_dict_runs_selects_nothing(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    # a list holds Plain objects: no hashing
    assert _changed(root, "return 1", "return None") == []
