"""An operator a module runs at import time on a list or a string is that type's, not a
special method a class of ours lost with its base.

SQLAlchemy 2.0.30 -> 2.0.36 traded ``_OverRange(IntEnum)`` for ``_OverRange(Enum)``: it lost
``int``'s ``__add__`` and the other operators. ``sqlalchemy.sql.elements`` adds two lists in a
class body (``_traverse_internals = ClauseList._traverse_internals + [...]``), which was read as
a use of the lost ``__add__`` at import time: the module, and the 73 modules importing it in
turn, were judged broken (74 of the pair's 244).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

ELEMENTS = """\
from enum import {base}
from typing import Union

from visitors import _TraverseInternalsType


class _OverRange({base}):
    RANGE_UNBOUNDED = 0
    RANGE_CURRENT = 1


RANGE_UNBOUNDED = _OverRange.RANGE_UNBOUNDED
_IntOrRange = Union[int, _OverRange]


class ClauseList:
    _traverse_internals: _TraverseInternalsType = [("clauses", 1)]


class Over(ClauseList):
    _traverse_internals = ClauseList._traverse_internals + [("range_", 2)]
    name = "over" + "_clause"
{extra}"""

VISITORS = """\
from typing import List, Tuple

_TraverseInternalsType = List[Tuple[str, int]]
"""

IMPORTER = """\
from elements import Over


def over():
    return Over()
"""


def _broken(tmp_path: Path, extra: str = "") -> set[str]:
    base = {"elements.py": ELEMENTS.format(base="IntEnum", extra=extra), "importer.py": IMPORTER,
            "visitors.py": VISITORS}
    head = {**base, "elements.py": ELEMENTS.format(base="Enum", extra=extra)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_lists_added_in_a_class_body_use_no_lost_operator(tmp_path: Path) -> None:
    # the module itself hands the class on (``Union[int, _OverRange]``): judged where its
    # instances may go, as before; nothing of it fails at import time
    assert _broken(tmp_path) == {"elements"}


@pytest.mark.parametrize("extra", [
    "\nLIMIT = RANGE_UNBOUNDED + 1\n",  # a member of the enum, an int no longer
    "\nLIMIT = _OverRange.RANGE_CURRENT * 2\n",
])
def test_an_operator_on_an_instance_of_the_class_at_import_still_breaks(
        extra: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, extra) == {"elements", "importer"}
