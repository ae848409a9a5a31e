"""A decorator that a variable holds, every assignment of which is what an outside callable
returned (``requires_babel = pytest.mark.skipif(...)`` in a helper module, applied as
``@requires_babel`` in the test modules that import it), is outside code applied, as
``@pytest.mark.skipif(...)`` written out is: not an unresolved call that may run anything
(which kept mako's test modules for every change to a module they import). A variable that
may hold something else, or that code elsewhere may set, stays unresolved."""

from __future__ import annotations

import pytest
from helpers import graph_of

CODE = {
    "marks.py": """
import pytest
requires_x = pytest.mark.skipif(True, reason="x")
maybe = pytest.mark.skipif(True, reason="x")
stored = pytest.mark.skipif(False, reason="z")

def reset(deco):
    global maybe
    maybe = deco
""",
    "setter.py": """
import marks

def set_it(deco):
    marks.stored = deco
""",
    "test_a.py": """
import pytest
from marks import requires_x, maybe, stored
local_mark = pytest.mark.skipif(False, reason="y")
alias = local_mark

@requires_x
def test_imported():
    pass

@alias
def test_aliased():
    pass

@maybe
def test_maybe():
    pass

@stored
def test_stored():
    pass
""",
}


def _line(decorator: str) -> int:
    return CODE["test_a.py"].splitlines().index(decorator) + 1


@pytest.fixture(scope="module")
def unresolved_lines() -> set[int]:
    return {line for caller, line in graph_of(CODE).unresolved_sites if caller == "test_a"}


@pytest.mark.parametrize("decorator", ["@requires_x", "@alias"])
def test_an_outside_product_held_by_a_variable_is_applied(
    unresolved_lines: set[int], decorator: str
) -> None:
    assert _line(decorator) not in unresolved_lines


@pytest.mark.parametrize("decorator", ["@maybe", "@stored"])
def test_one_that_may_hold_something_else_stays_unresolved(
    unresolved_lines: set[int], decorator: str
) -> None:
    assert _line(decorator) in unresolved_lines
