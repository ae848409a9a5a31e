"""``impactgraph tests`` follows what a rich comparison returns: ``a > b`` is
``a.__gt__(b)`` (else ``b.__lt__(a)``), and a query language built on operators (glom's
``M > 1``, SQLAlchemy's ``column == 1``) returns an object of its own, whose operators run
next. (Found on glom 23.5.0: ``((M > M(S.max.max)) & A.max.max) | Val(SKIP)`` in
test_scope_vars.py runs ``_Bool.__or__``; removing its parameter failed that file, which
was not selected.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

DSL = """
    class Expr:
        def __and__(self, other):
            return Both(self, other)


    class Both:
        def __init__(self, left, right):
            self.left, self.right = left, right

        def __or__(self, other):
            return Either(self, other)


    class Either:
        def __init__(self, left, right):
            self.left, self.right = left, right


    class Field:
        def __gt__(self, other):
            return Expr()

        def __lt__(self, other):
            return Expr()


    F = Field()
"""

BASE = {
    "src/query/__init__.py": "",
    "src/query/dsl.py": DSL,
    "tests/test_left.py": """
        from query.dsl import F


        def test_left_operand():
            assert (((F > 1) & 2) | 3) is not None
    """,
    "tests/test_reflected.py": """
        from query.dsl import F


        def test_reflected_and_chained():
            assert (((1 < F) & 2) | 3) is not None
            assert (((0 < 1 < F) & 2) | 3) is not None
    """,
    "tests/test_other.py": """
        from query.dsl import Expr


        def test_expr():
            assert Expr() is not None
            assert (Expr() == 1) is not None
    """,
}


def test_a_method_run_on_what_a_comparison_returned_selects_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = DSL.replace("def __or__(self, other):", "def __or__(self):")
    commit(root, {"src/query/dsl.py": changed})
    assert selected_tests(root) == ["tests/test_left.py", "tests/test_reflected.py"]
