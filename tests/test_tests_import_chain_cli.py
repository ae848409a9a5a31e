"""``impactgraph tests`` on a function that now fails, called at import time through other
functions: attrs' module-level ``@attrs(...)`` class decorators run ``_ClassBuilder``'s methods,
so removing ``_ClassBuilder._add_method_dunders`` makes ``import attr`` fail, and with it every
test file (the root conftest.py imports ``attr._compat``, which runs ``attr/__init__.py``).
Module-level code that reaches the broken function through calls fails at import, as module
code calling it directly does."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BUILDER = """
    def _finish(cls):
        cls.finished = True
        return cls


    def build(cls):
        return _finish(cls)
"""

BASE = {
    "src/shapes/__init__.py": """
        from shapes.base import Square
    """,
    "src/shapes/builder.py": BUILDER,
    "src/shapes/base.py": """
        from shapes.builder import build


        @build
        class Square:
            side = 1
    """,
    "src/shapes/util.py": """
        def twice(x):
            return 2 * x
    """,
    "tests/test_square.py": """
        from shapes import Square


        def test_side():
            assert Square.side == 1
    """,
    "tests/test_util.py": """
        from shapes.util import twice


        def test_twice():
            assert twice(2) == 4
    """,
}


def without_finish(source: str) -> str:
    start = source.index("    def _finish")
    end = source.index("    def build")
    return source[:start] + source[end:]


def test_a_break_reached_from_module_code_through_calls_fails_every_importer(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/shapes/builder.py": without_finish(BUILDER)})
    assert selected_tests(root) == ["tests/test_square.py", "tests/test_util.py"]


def test_a_break_reached_only_from_functions_fails_their_callers(tmp_path: Path) -> None:
    files = {**BASE, "src/shapes/base.py": """
        from shapes.builder import build


        def square():
            @build
            class Square:
                side = 1

            return Square
    """, "src/shapes/__init__.py": "", "tests/test_square.py": """
        from shapes.base import square


        def test_side():
            assert square().side == 1
    """}
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"src/shapes/builder.py": without_finish(BUILDER)})
    assert selected_tests(root) == ["tests/test_square.py"]


PACKAGE = {
    "src/shapes/__init__.py": """
        from shapes.base import Square, build

        make = build
    """,
    "src/shapes/builder.py": BUILDER,
    "src/shapes/base.py": """
        from shapes.builder import build


        @build
        class Square:
            side = 1
    """,
    "src/shapes/compat.py": """
        NEW = True
    """,
    "conftest.py": """
        from shapes.compat import NEW
    """,
    "tests/test_package.py": """
        import shapes


        def test_make():
            assert shapes.make
    """,
    "tests/test_compat.py": """
        def test_nothing():
            assert True
    """,
}


def test_a_broken_package_fails_the_importers_of_its_submodules(tmp_path: Path) -> None:
    """``shapes/__init__.py`` fails: ``import shapes`` fails, and so does ``from shapes.compat
    import NEW`` in the root conftest.py (Python runs the package first): every test fails.
    ``shapes`` was reached before it broke (it reads ``build``), which must not stop the
    break from spreading to its importers."""
    root = init_repo(tmp_path / "repo")
    commit(root, PACKAGE, message="base", tag="base")
    commit(root, {"src/shapes/builder.py": without_finish(BUILDER)})
    assert selected_tests(root) == ["tests/test_compat.py", "tests/test_package.py"]
