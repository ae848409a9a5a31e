"""``impactgraph tests`` follows a lambda from the code that makes it: a lambda handed to a call
nothing resolves (the ``.sub`` of a compiled regex, a method of an argument) runs only when that
code runs, as a nested def handed by name does."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

# shaped like inflect 7.4.0: engine.inflect hands FUNCTION_CALL.sub a lambda that calls
# _string_to_substitute, which calls _get_value_from_ast
BASE = {
    "src/words/__init__.py": """
        import ast
        import re

        FUNCTION_CALL = re.compile(r"(\\w+)\\([^)]*\\)")


        class Engine:
            def plural(self, text):
                return text + "s"

            def _value(self, node):
                return node.value

            def _substitute(self, mo, methods):
                call = ast.parse(mo.group(0)).body[0].value
                return methods[mo.group(1)](*[self._value(a) for a in call.args])

            def inflect(self, text):
                methods = {"plural": self.plural}
                return HANDOFF
    """,
    "tests/test_inflect.py": """
        from words import Engine


        def test_inflect():
            assert Engine().inflect("plural('egg')") == "eggs"
    """,
    "tests/test_plural.py": """
        from words import Engine


        def test_plural():
            assert Engine().plural("egg") == "eggs"
    """,
}
VALUE = """
            def _value(self, node):
                return node.value
"""

HANDOFFS = [
    # a compiled regex's method: the result of re.compile has no type the linker knows
    "FUNCTION_CALL.sub(lambda mo: self._substitute(mo, methods), text)",
    # a method of an argument: unknown
    "self.runner(text).map(lambda mo: self._substitute(mo, methods))",
    # the lambda inside a container handed over
    "FUNCTION_CALL.sub(*[lambda mo: self._substitute(mo, methods)], text)",
]


@pytest.mark.parametrize("handoff", HANDOFFS)
def test_removing_what_a_handed_over_lambda_calls(tmp_path: Path, handoff: str) -> None:
    root = init_repo(tmp_path / "repo")
    source = BASE["src/words/__init__.py"].replace("HANDOFF", handoff)
    commit(root, {**BASE, "src/words/__init__.py": source}, message="base", tag="base")
    commit(root, {"src/words/__init__.py": source.replace(VALUE, "\n")})
    assert selected_tests(root) == ["tests/test_inflect.py"]


def test_a_lambda_made_elsewhere_selects_nothing_more(tmp_path: Path) -> None:
    """The reference is the maker's: code that never makes the lambda is not selected."""
    root = init_repo(tmp_path / "repo")
    source = BASE["src/words/__init__.py"].replace("HANDOFF", HANDOFFS[0])
    commit(root, {**BASE, "src/words/__init__.py": source}, message="base", tag="base")
    commit(root, {"src/words/__init__.py": source.replace(
        'return text + "s"', 'return text + "es"')})
    assert selected_tests(root) == ["tests/test_inflect.py", "tests/test_plural.py"]
