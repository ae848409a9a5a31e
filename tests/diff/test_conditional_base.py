"""A base written as a conditional expression, ``A if cond else B``, traded for one of them.

zope.interface 6.0 dropped Python 2: ``INativeString(IByteString if str is bytes else
ITextString)`` became ``INativeString(ITextString)``. The diff read the whole expression as
one base, found it nowhere among the new ancestors, and reported a breaking ``base-removed``:
18 modules broken through every reference to ``INativeString``. Either class may have been the
base; the one kept is among the new ancestors, so no base is known to be gone.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = '''\
class IByteString:
    pass


class ITextString:
    pass


'''
OLD = LIB + "class INativeString(IByteString if str is bytes else ITextString):\n    pass\n"
USER = "from lib import INativeString\n\n\ndef check(x):\n    return isinstance(x, INativeString)\n"


def _report(tmp_path: Path, new: str) -> dict:
    return impact_between({"lib.py": OLD, "user.py": USER}, {"lib.py": new, "user.py": USER},
                          tmp_path)


def _removed_bases(report: dict) -> list[dict]:
    return [c for c in report["changes"] if c["kind"] == "base-removed"]


def test_one_alternative_kept_is_no_base_removed(tmp_path: Path) -> None:
    report = _report(tmp_path, LIB + "class INativeString(ITextString):\n    pass\n")
    assert _removed_bases(report) == []
    assert broken_modules(report) == set()


def test_neither_alternative_kept_is_a_base_removed(tmp_path: Path) -> None:
    report = _report(tmp_path, LIB + "class INativeString:\n    pass\n")
    assert [c["symbol"] for c in _removed_bases(report)] == ["lib:INativeString"]
