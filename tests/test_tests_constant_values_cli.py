"""``impactgraph tests`` on a change to a constant's value: a module constant read as a
function's default (``def window(size=LIMIT)``), as a decorator's argument
(``@lru_cache(maxsize=conf.SIZE)``), in a class body (a dataclass field's default) or by
``"{UNIT}".format(**globals())`` (h11 0.14.0's ``_abnf.py``), and a
class attribute (``limit = 10`` in ``Base``'s body) read through ``self``, ``cls`` or a
subclass (``Child.limit``). Before, each selected nothing: the reads ran at import time in
the module's code, not the function's or the class's, and a class attribute is no node of the
graph (the change is ``body-changed`` on the class). Found by the benchmark's constant
mutations (``benchmarks/selection_mutations.py``, ``change-constant``,
``change-class-constant``, ``drop-element``). Checked against pytest: each selected file below
fails with the change, each one left out passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/conf.py": """
        LIMIT = 10
        SIZE = 4
        TIMEOUT = 30
        RETRIES = 3
    """,
    "src/pkg/patterns.py": """
        import re

        UNIT = "cm"
        OTHER = "deg"
        LENGTH = "[0-9]+{UNIT}".format(**globals())


        def is_length(value):
            return re.fullmatch(LENGTH, value) is not None
    """,
    "src/pkg/use.py": """
        import functools
        from dataclasses import dataclass

        from pkg import conf
        from pkg.conf import LIMIT, TIMEOUT


        def window(size=LIMIT):
            return size


        @functools.lru_cache(maxsize=conf.SIZE)
        def cached(x):
            return x


        def cache_size():
            return cached.cache_info().maxsize


        @dataclass
        class Settings:
            timeout: int = TIMEOUT


        def retries():
            return conf.RETRIES


        class Base:
            limit = 10

            def get(self):
                return self.limit

            def name(self):
                return "base"


        class Child(Base):
            pass


        class Unrelated:
            def name(self):
                return "unrelated"
    """,
    "tests/test_window.py": """
        from pkg.use import window


        def test_window():
            assert window() == 10
    """,
    "tests/test_cached.py": """
        from pkg.use import cache_size


        def test_size():
            assert cache_size() == 4
    """,
    "tests/test_settings.py": """
        from pkg.use import Settings


        def test_timeout():
            assert Settings().timeout == 30
    """,
    "tests/test_retries.py": """
        from pkg.use import retries


        def test_retries():
            assert retries() == 3
    """,
    "tests/test_get.py": """
        from pkg.use import Child


        def test_get():
            assert Child().get() == 10
    """,
    "tests/test_limit.py": """
        from pkg.use import Child


        def test_limit():
            assert Child.limit == 10
    """,
    "tests/test_length.py": """
        from pkg.patterns import is_length


        def test_cm():
            assert is_length("3cm")
    """,
    "tests/test_name.py": """
        from pkg.use import Child, Unrelated


        def test_name():
            assert Child().name() == "base"
            assert Unrelated().name() == "unrelated"
    """,
}
PY = "src/pkg/conf.py"
USE = "src/pkg/use.py"
PATTERNS = "src/pkg/patterns.py"


def _changed(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, FILES, message="base", tag="base")
    assert FILES[path].count(old) == 1
    commit(root, {path: FILES[path].replace(old, new)})
    return selected_tests(root)


@pytest.mark.parametrize(("old", "new", "selected"), [
    ("LIMIT = 10", "LIMIT = 11", ["tests/test_window.py"]),
    ("SIZE = 4", "SIZE = 5", ["tests/test_cached.py"]),
    ("TIMEOUT = 30", "TIMEOUT = 31", ["tests/test_settings.py"]),
    ("RETRIES = 3", "RETRIES = 4", ["tests/test_retries.py"]),  # as before
])
def test_a_module_constant_read_at_import_time_for_a_definition(
    tmp_path: Path, old: str, new: str, selected: list[str],
) -> None:
    root = init_repo(tmp_path / "repo")
    assert _changed(root, PY, old, new) == selected


def test_a_class_attribute_reaches_its_readers_through_self_and_subclasses(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, USE, "    limit = 10", "    limit = 11")
    assert selected == ["tests/test_get.py", "tests/test_limit.py"]  # not test_name.py


def test_a_value_made_with_globals_reaches_the_names_above_it(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    assert _changed(root, PATTERNS, 'UNIT = "cm"', 'UNIT = "mm"') == ["tests/test_length.py"]
