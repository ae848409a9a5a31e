"""Applying what an outside decorator factory made (``@pytest.mark.parametrize(...)``,
``@pytest.fixture(scope=...)``, ``@functools.lru_cache(maxsize=None)``) is not an unresolved
call: a test module that uses them and imports a changed module is selected only when it
reaches the change."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": "",
    "src/pkg/calc.py": """
        def used():
            return 1


        def other():
            return 2
    """,
    "tests/test_used.py": """
        import pytest

        from pkg.calc import used


        @pytest.mark.parametrize("x", [1, 2])
        def test_used(x):
            assert used() == 1
    """,
    "tests/test_other.py": """
        import functools

        import pytest

        from pkg.calc import other


        @pytest.fixture(scope="module")
        def value():
            return other()


        @functools.lru_cache(maxsize=None)
        def cached():
            return 3


        @pytest.mark.parametrize("x", [1, 2])
        def test_other(x, value):
            assert value == 2
            assert cached() == 3
    """,
}


def test_an_outside_decorator_factory_does_not_keep_a_module_that_misses_the_change(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/calc.py"].replace("return 1", "return 5")
    commit(root, {"src/pkg/calc.py": changed})
    assert selected_tests(root) == ["tests/test_used.py"]


def test_an_outside_decorator_factory_keeps_a_module_that_reaches_the_change(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/calc.py"].replace("return 2", "return 6")
    commit(root, {"src/pkg/calc.py": changed})
    assert selected_tests(root) == ["tests/test_other.py"]
