"""``impactgraph tests`` after a change that only alters what a module's import-time code
makes (``TABLE = build()`` at module level, a class body that calls a helper, a decorator
applied when the module is imported): the calls still bind, nothing breaks, but every test
whose process imports that module runs the changed code while importing and may read what
it made (``TABLE["a"]``). Those tests are selected; a test that imports neither is not."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": """
        from pkg.core import build

        TABLE = build()
    """,
    "src/pkg/core.py": """
        def helper():
            return 1


        def build():
            return {"a": helper()}


        def other():
            return 2
    """,
    "src/shapes/__init__.py": "",
    "src/shapes/kinds.py": """
        def kind_of(name):
            return name.upper()


        def register(cls):
            cls.registered = True
            return cls


        @register
        class Square:
            KIND = kind_of("square")

            def area(self, side):
                return side * side
    """,
    "tests/test_table.py": """
        from pkg import TABLE


        def test_table():
            assert TABLE["a"] == 1
    """,
    "tests/test_core.py": """
        from pkg.core import other


        def test_other():
            assert other() == 2
    """,
    "tests/test_square.py": """
        from shapes.kinds import Square


        def test_square():
            assert Square.KIND == "SQUARE" and Square.registered
    """,
    "tests/test_nothing.py": """
        def test_nothing():
            assert True
    """,
}


def test_a_body_change_run_by_module_code_selects_every_importer(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    core = BASE["src/pkg/core.py"].replace("return 1", "return 3")
    commit(root, {"src/pkg/core.py": core})
    # test_core imports pkg.core, which runs pkg/__init__.py (TABLE = build()) first
    assert selected_tests(root) == ["tests/test_core.py", "tests/test_table.py"]


def test_a_body_change_run_by_a_class_body_selects_its_importers(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    kinds = BASE["src/shapes/kinds.py"].replace("name.upper()", "name.lower()")
    commit(root, {"src/shapes/kinds.py": kinds})
    assert selected_tests(root) == ["tests/test_square.py"]


def test_a_body_change_to_a_decorator_applied_at_import_selects_its_importers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    kinds = BASE["src/shapes/kinds.py"].replace("cls.registered = True",
                                                "cls.registered = False")
    commit(root, {"src/shapes/kinds.py": kinds})
    assert selected_tests(root) == ["tests/test_square.py"]


def test_a_body_change_nothing_runs_at_import_selects_its_callers_only(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    core = BASE["src/pkg/core.py"].replace("return 2", "return 4")
    commit(root, {"src/pkg/core.py": core})
    assert selected_tests(root) == ["tests/test_core.py"]


GONE = {
    "src/parser/__init__.py": """
        from parser.grammar import RULES
    """,
    "src/parser/expressions.py": """
        class Expression:
            def parse(self, text):
                return self.match(text)

            def match(self, text):
                return self.match_core(text)

            def match_core(self, text):
                return text.split()


        class Sequence(Expression):
            pass
    """,
    "src/parser/grammar.py": """
        from parser.expressions import Sequence


        class Grammar:
            def __init__(self, text):
                self.rules = self._rules(text)

            def _rules(self, text):
                return Sequence().parse(text)


        RULES = Grammar("a b c")
    """,
    "src/parser/other.py": """
        def other():
            return 2
    """,
    "src/parser/tests/__init__.py": "",
    "src/parser/tests/test_timing.py": """
        def test_timing():
            assert sum([1, 2]) == 3
    """,
    "tests/test_other.py": """
        from parser.other import other


        def test_other():
            assert other() == 2
    """,
    "tests/test_nothing.py": """
        def test_nothing():
            assert True
    """,
}


def test_a_method_gone_that_module_code_runs_selects_every_importer(tmp_path: Path) -> None:
    """``RULES = Grammar(...)`` runs ``Expression.match_core`` as ``parser.grammar`` is
    imported, and ``parser/__init__.py`` imports it: once the method is gone (or renamed),
    importing anything of the package fails. Its callers are in the base revision's graph
    only (the head's call to it no longer binds), and so is the chain from the module code."""
    root = init_repo(tmp_path / "repo")
    commit(root, GONE, message="base", tag="base")
    gone = GONE["src/parser/expressions.py"].replace(
        "def match_core(self, text):\n                return text.split()",
        "def other_name(self, text):\n                return text.split()")
    assert gone != GONE["src/parser/expressions.py"]
    commit(root, {"src/parser/expressions.py": gone})
    # test_other imports parser.other, which runs parser/__init__.py first; test_timing is
    # inside the package: pytest imports it as parser.tests.test_timing, running the same
    assert selected_tests(root) == ["src/parser/tests/test_timing.py", "tests/test_other.py"]
