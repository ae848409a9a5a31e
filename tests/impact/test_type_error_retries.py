"""A call in an ``except TypeError`` handler retrying a callee the ``try`` body calls: it runs
when that call raised, and that call is judged.

flask-admin 1.6.1 gave its type formatters a third parameter, ``name``, and
``BaseModelView._get_list_value`` calls ``type_fmt(self, value, name)``, retrying
``type_fmt(self, value)`` under ``except TypeError:`` for formatters written for 1.6.0. The retry
was judged against the new signature, and broke the module.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LIB = ("def fmt(view, value{extra}):\n    return value\n\n\n"
       "def other(view, value):\n    return value\n")
OLD_USER = "from proj.lib import fmt\n\n\ndef show(view, value):\n    return fmt(view, value)\n"
NEW_USER = '''\
from proj.lib import fmt, other


def show(view, value):
    try:
        return {tried}(view, value, "name")
    except {caught}:
        return fmt(view, value)
'''


def _impact(tmp_path: Path, tried: str = "fmt", caught: str = "TypeError") -> set[str]:
    old = {"proj/__init__.py": "", "proj/lib.py": LIB.format(extra=""),
           "proj/user.py": OLD_USER}
    new = {**old, "proj/lib.py": LIB.format(extra=", name"),
           "proj/user.py": NEW_USER.format(tried=tried, caught=caught)}
    return broken_modules(impact_between(old, new, tmp_path))


@pytest.mark.parametrize("caught", ["TypeError", "(TypeError, ValueError)"])
def test_a_retry_of_the_call_the_try_makes_breaks_nothing(tmp_path: Path, caught: str) -> None:
    assert _impact(tmp_path, caught=caught) == set()


def test_a_handler_for_other_errors_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, caught="ValueError") == {"proj.user"}


def test_a_call_of_a_callee_the_try_does_not_call_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, tried="other") == {"proj.user"}
