"""``impactgraph tests`` on a class-level default that the instances may bind over: Arpeggio
2.0.3's ``ParsingExpression`` has ``suppress = False`` in its body and ``self.suppress =
kwargs['suppress']`` in ``__init__`` when one is given, and its ``parse`` reads
``self.suppress``. The benchmark's ``change-class-constant ParsingExpression.suppress``
(default and held-out seeds) failed 28 test files and selected one (for another reason).

The change is ``body-changed`` on the class. A read of a class's data attribute references
the class (``Resolver.class_data_owner``), but not when the summary held a value of the name
on the instances and none in the body: that was taken as bound on the instances only
(``self._cache = {}``), and a literal in the body (``suppress = False``) leaves no value. The
summary now lists such body names (``FileSummary.class_literals``), and ``parse``
references the class. Checked against pytest: test_parse.py fails with the change,
test_limit.py passes (it is selected, and stays so: a class body change selects the readers
of every data attribute of the class)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import edited_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/expr.py": """
        class Expr:
            suppress = False
            limit = 3

            def __init__(self, **kwargs):
                if "suppress" in kwargs:
                    self.suppress = kwargs["suppress"]

            def parse(self, text):
                return None if self.suppress else text


        class Match(Expr):
            pass


        def build():
            return Match()
    """,
    "tests/test_parse.py": """
        from pkg.expr import build


        def test_parse():
            assert build().parse("a") == "a"
    """,
    "tests/test_limit.py": """
        from pkg.expr import Expr


        def test_limit():
            assert Expr.limit > 0
    """,
}
SOURCE = "src/pkg/expr.py"


def test_a_class_default_the_instances_may_bind_over(tmp_path: Path) -> None:
    root = edited_repo(tmp_path / "repo", FILES, SOURCE, "suppress = False", "suppress = True")
    assert "tests/test_parse.py" in selected_tests(root)
