"""A class statement calls its metaclass's ``__new__`` and ``__init__`` with the class's name,
bases and namespace, by position: no call site shows it.

python-docx 1.0 renamed ``MetaOxmlElement.__init__(cls, clsname, bases, clsdict)``'s last
parameter to ``namespace``; every module defining an element class (``class CT_P(
BaseOxmlElement)``, the metaclass inherited) was judged broken, and so were their importers
(159 modules with the release's other verdicts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from git_support import broken_modules, impact_between

META = """\
import abc


class Meta({base}):
    def __new__(mcs, clsname, bases, clsdict):
        return super().__new__(mcs, clsname, bases, clsdict)

    def __init__(cls, clsname, bases, clsdict):
        super().__init__(clsname, bases, clsdict)


class Element(metaclass=Meta):
    pass
"""

USER = """\
from lib import Element


class Paragraph(Element):
    pass
"""


def _report(tmp_path: Path, base: str, renamed: str, replaced_by: str) -> dict[str, Any]:
    old = {"lib.py": META.format(base=base), "user.py": USER}
    new = {"lib.py": META.format(base=base).replace(renamed, replaced_by), "user.py": USER}
    return impact_between(old, new, tmp_path)


@pytest.mark.parametrize("base", ["type", "abc.ABCMeta"])
def test_a_metaclass_parameter_renamed_breaks_no_class_statement(tmp_path: Path,
                                                                  base: str) -> None:
    report = _report(tmp_path, base, "clsdict", "namespace")
    kinds = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert ("lib:Meta.__init__", "parameter-renamed", True) in kinds
    assert ("lib:Meta.__new__", "parameter-renamed", True) in kinds
    assert {"lib", "user"} <= {a["module"] for a in report["affected"]}
    assert broken_modules(report) == set()


def test_a_metaclass_parameter_a_class_statement_does_not_pass_still_breaks(
        tmp_path: Path) -> None:
    report = _report(tmp_path, "type", "clsdict):\n        super()",
                     "clsdict, registry):\n        super()")
    assert broken_modules(report) == {"lib", "user"}


def test_a_required_keyword_of_a_metaclass_still_breaks(tmp_path: Path) -> None:
    # ``class X(metaclass=Meta, flag=...)`` is not recorded: the call passes three by position
    report = _report(tmp_path, "type", "clsdict):\n        super()",
                     "clsdict, *, flag):\n        super()")
    assert broken_modules(report) == {"lib", "user"}
