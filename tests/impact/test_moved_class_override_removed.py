"""A class moved to another module of ours, which its old module now imports, lost an
override on the way (param 2.0 moved ``Integer`` from ``param/__init__.py`` into
``param.parameters`` without its ``__init__``): the diff compares the method the class now
inherits, and a call of the old name runs that one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from git_support import broken_modules, impact_between

BASE = """\
class Number:
    def __init__(self, default=0, bounds=None, doc=None):
        self.default = default


class Integer(Number):
    def __init__(self, default=0, bounds=None, doc=None):
        super().__init__(default, bounds, doc)
"""

PARAMETERS = """\
class Number:
    def __init__(self, default=0, bounds=None, doc=None, step=None):
        self.default = default


class Integer(Number):
    pass
"""

USER = """\
import pkg


class TimeAware:
    seed = pkg.Integer(default=None, bounds=(0, 2), doc="x")

    def __init__(self, **params):
        super().__init__(**params)
"""


HEAD_INIT = "from .parameters import (Integer, Number)\n"


def report_of(tmp_path: Path, parameters: str, base: str = BASE,
              user: str = USER) -> dict[str, Any]:
    return impact_between({"pkg/__init__.py": base, "user.py": user},
                          {"pkg/__init__.py": HEAD_INIT, "pkg/parameters.py": parameters},
                          tmp_path)


def changes(report: dict[str, Any]) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}


def test_a_call_of_a_moved_class_runs_the_method_it_inherits_now(tmp_path: Path) -> None:
    report = report_of(tmp_path, PARAMETERS)
    assert ("pkg:Integer.__init__", "symbol-removed", False) in changes(report)
    assert "user" in {m["module"] for m in report["affected"]}
    assert broken_modules(report) == set()


def test_a_method_the_moved_class_lost_outright_still_breaks(tmp_path: Path) -> None:
    # nothing of ours answers ``validate`` on the moved class: the removal is breaking
    base = BASE + "\n    def validate(self, value):\n        return value\n"
    user = USER + "\n\ndef check():\n    return pkg.Integer(default=1).validate(2)\n"
    report = report_of(tmp_path, PARAMETERS, base, user)
    assert ("pkg:Integer.validate", "symbol-removed", True) in changes(report)
    assert "user" in broken_modules(report)


def test_a_call_the_inherited_method_does_not_take_breaks(tmp_path: Path) -> None:
    # the diff compares ``Integer.__init__`` with the ``Number.__init__`` that runs now and
    # finds ``bounds`` gone: a call passing it breaks, one that does not still binds
    parameters = PARAMETERS.replace("bounds=None, ", "")
    report = report_of(tmp_path / "passes", parameters)
    assert ("pkg:Integer.__init__", "parameter-removed", True) in changes(report)
    assert "user" in broken_modules(report)
    report = report_of(tmp_path / "omits", parameters,
                       user=USER.replace("bounds=(0, 2), ", ""))
    assert "user" in {m["module"] for m in report["affected"]}
    assert broken_modules(report) == set()
