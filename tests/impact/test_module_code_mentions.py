"""A module's node is the code its import runs: a use moved into one of its functions is no
longer the module code's.

Automat 24.8: ``assertNoCode(inst, attribute, f)`` was an attrs validator handed over in a class
body (``method = attr.ib(validator=assertNoCode)``, module code); it became ``assertNoCode(f)``,
called in ``MethodicalInput.__post_init__``. The base's edge from the module was judged against
the head because the module still spelled the name, in that function: the module, and every
module importing it at import time, were broken (14 of 29 affected).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
import attr


def no_code(inst, attribute, f):
    return f


@attr.s
class Input:
    method = attr.ib(validator=no_code)
"""

LIB_HEAD = """\
import dataclasses


def no_code(f):
    return f


@dataclasses.dataclass
class Input:
    method: object

    def __post_init__(self):
        no_code(self.method)
"""

USER = "from lib import Input\n\nDEFAULT = Input(print)\n"


report_of = impact_between
broken = broken_modules


def test_a_use_moved_from_module_code_into_a_function_is_judged_there(tmp_path: Path) -> None:
    report = report_of({"lib.py": LIB, "app.py": USER}, {"lib.py": LIB_HEAD, "app.py": USER},
                       tmp_path)
    assert ("lib:no_code", "parameter-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert "lib" in {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_module_code_still_making_the_old_call_stays_broken(tmp_path: Path) -> None:
    head = LIB_HEAD + "\n\nno_code(None, None, print)\n"
    report = report_of({"lib.py": LIB + "\n\nno_code(None, None, print)\n", "app.py": USER},
                       {"lib.py": head, "app.py": USER}, tmp_path)
    assert broken(report) == {"lib", "app"}


def test_a_function_of_the_module_making_the_old_call_stays_broken(tmp_path: Path) -> None:
    head = LIB_HEAD + "\n\ndef check():\n    return no_code(None, None, print)\n"
    report = report_of({"lib.py": LIB, "app.py": USER}, {"lib.py": head, "app.py": USER},
                       tmp_path)
    assert broken(report) == {"lib"}
