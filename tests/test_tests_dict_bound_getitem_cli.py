"""``impactgraph tests`` on ``dict.__getitem__`` taken as a bound method of an instance of a
``dict`` subclass of ours: wherever it is called, it runs the subclass's ``__missing__`` for a
key it lacks (reg 1.0.0's ``DictCachingKeyLookup`` keeps ``Cache(lookup.component).__getitem__``
as ``self.component``). Checked against pytest: a parameter added to ``__missing__`` fails
test_lookup.py and test_direct.py; before, ``tests`` selected neither."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/cache.py": """
        class Cache(dict):
            def __init__(self, func):
                self.func = func

            def __missing__(self, key):
                self[key] = result = self.func(key)
                return result


        class Lookup:
            def __init__(self, func):
                self.get = Cache(func).__getitem__
    """,
    "tests/test_lookup.py": """
        from pkg.cache import Lookup


        def test_get():
            assert Lookup(str).get(1) == "1"
    """,
    "tests/test_direct.py": """
        from pkg.cache import Cache


        def test_direct():
            assert Cache(str).__getitem__(1) == "1"
    """,
    "tests/test_get.py": """
        from pkg.cache import Cache


        def test_get():
            assert Cache(str).get(1) is None  # dict.get runs no __missing__
    """,
}
PATH = "src/pkg/cache.py"


def test_a_change_to_missing_selects_the_callers_of_the_bound_getitem(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    old = "def __missing__(self, key):"
    assert FILES[PATH].count(old) == 1
    commit(root, {PATH: FILES[PATH].replace(old, "def __missing__(self, key, extra):")})
    assert selected_tests(root) == ["tests/test_direct.py", "tests/test_lookup.py"]
