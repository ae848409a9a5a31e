"""A top-level name that moved to a module the old one now star-imports is still there.

aenum 3.1.15 split its one-file package into ``_common``, ``_constant``, ``_tuple`` and
``_enum``, and ``aenum/__init__.py`` became ``from ._common import *`` and the like, each of
those modules listing what it exports in ``__all__``. A moved name was taken for a moved one
only when the package imported it back by name, so 218 names (``PY2``, ``AddValue``,
``NamedConstant``...) were reported ``symbol-removed``, breaking, and the package itself and
both test modules importing them were broken (3 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_INIT = '''\
import sys

PY2 = sys.version_info < (3,)


def helper(value):
    return value


def _private(value):
    return value
'''
USER = '''\
from proj import PY2, helper

VALUE = helper(PY2)
'''


def _impact(tmp_path: Path, init: str, common: str, user: str = USER) -> dict:
    old = {"proj/__init__.py": OLD_INIT, "proj/user.py": user}
    new = {"proj/__init__.py": init, "proj/_common.py": common, "proj/user.py": user}
    return impact_between(old, new, tmp_path)


def _kinds(report: dict) -> dict[str, str]:
    return {c["symbol"]: c["kind"] for c in report["changes"]}


def test_names_moved_behind_a_relative_star_import_break_nothing(tmp_path: Path) -> None:
    report = _impact(tmp_path, "from ._common import *\n", OLD_INIT)
    assert broken_modules(report) == set()
    assert _kinds(report)["proj:helper"] == "body-changed"
    assert _kinds(report)["proj:PY2"] == "body-changed"


def test_a_star_module_listing_the_names_in_all_breaks_nothing(tmp_path: Path) -> None:
    common = "__all__ = ['PY2', 'helper']\n" + OLD_INIT
    report = _impact(tmp_path, "from proj._common import *\n", common)
    assert broken_modules(report) == set()


def test_a_moved_function_whose_signature_changed_still_breaks_its_callers(
        tmp_path: Path) -> None:
    common = OLD_INIT.replace("def helper(value):", "def helper(value, other):")
    report = _impact(tmp_path, "from ._common import *\n", common)
    assert "proj.user" in broken_modules(report)


def test_a_name_the_star_module_leaves_out_of_all_is_still_removed(tmp_path: Path) -> None:
    common = "__all__ = ['PY2']\n" + OLD_INIT
    report = _impact(tmp_path, "from ._common import *\n", common)
    assert _kinds(report)["proj:helper"] == "symbol-removed"
    assert "proj.user" in broken_modules(report)


def test_an_underscore_name_a_star_import_does_not_bring_is_still_removed(
        tmp_path: Path) -> None:
    user = "from proj import _private\n\nVALUE = _private(1)\n"
    report = _impact(tmp_path, "from ._common import *\n", OLD_INIT, user)
    assert _kinds(report)["proj:_private"] == "symbol-removed"
    assert "proj.user" in broken_modules(report)


def test_a_name_gone_from_every_module_is_still_removed(tmp_path: Path) -> None:
    common = OLD_INIT.replace("def helper(value):\n    return value\n", "")
    report = _impact(tmp_path, "from ._common import *\n", common)
    assert _kinds(report)["proj:helper"] == "symbol-removed"
    assert "proj.user" in broken_modules(report)


def test_an_outside_module_the_star_module_exports_is_still_there(tmp_path: Path) -> None:
    # aenum's ``sqlite3``: ``try: import sqlite3`` / ``except ImportError: sqlite3 = None``
    # in the old package, in ``_enum`` (listing it in ``__all__``) in the new
    old_init = "try:\n    import sqlite3\nexcept ImportError:\n    sqlite3 = None\n"
    common = "__all__ = ['sqlite3']\n" + old_init
    user = "from proj import sqlite3\n\nVALUE = sqlite3\n"
    old = {"proj/__init__.py": old_init, "proj/user.py": user}
    new = {"proj/__init__.py": "from ._common import *\n\nif sqlite3 is None:\n    pass\n",
           "proj/_common.py": common, "proj/user.py": user}
    report = impact_between(old, new, tmp_path)
    assert "proj:sqlite3" not in {c["symbol"] for c in report["changes"]
                                  if c["kind"] == "symbol-removed"}
    assert broken_modules(report) == set()
