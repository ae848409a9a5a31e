"""``impactgraph tests`` when a function of ours is kept in an outside container and called
from there: code of ours refers to it as a value, nothing of ours calls it, and the call that
runs it reads it back out of the container (jsonschema 4.23: ``TypeChecker`` keeps
``{"any": is_any, ...}`` in an rpds ``HashTrieMap``, and ``is_type`` does
``fn = self._type_checkers[type]; fn(self, instance)``; ``is_any`` losing its ``instance``
parameter failed test_jsonschema_test_suite.py, which was not selected). Checked against
pytest: with ``is_any`` given a required parameter, test_checker.py fails and test_other.py
passes."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pkg/__init__.py": "",
    "pkg/types.py": """
        from types import MappingProxyType


        def is_any(checker, instance):
            return True


        def is_int(checker, instance):
            return isinstance(instance, int)


        class TypeChecker:
            def __init__(self, checkers):
                self._checkers = MappingProxyType(dict(checkers))

            def is_type(self, instance, name):
                fn = self._checkers[name]
                return fn(self, instance)


        CHECKER = TypeChecker({"any": is_any, "integer": is_int})
    """,
    "pkg/other.py": """
        def double(value):
            return value * 2
    """,
    "tests/test_checker.py": """
        from pkg.types import CHECKER


        def test_any():
            assert CHECKER.is_type(1, "any")
    """,
    "tests/test_other.py": """
        from pkg.other import double


        def test_double():
            assert double(2) == 4
    """,
}


def test_a_function_kept_in_an_outside_container_selects_the_tests_calling_from_it(
        tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"pkg/types.py": BASE["pkg/types.py"].replace(
        "def is_any(checker, instance):", "def is_any(checker, instance, strict):")})
    assert selected_tests(root) == ["tests/test_checker.py"]


def test_a_function_called_by_name_selects_as_before(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"pkg/other.py": "def double(value, factor):\n    return value * factor\n"})
    assert selected_tests(root) == ["tests/test_other.py"]
