"""A method removed that a class body read as the module was imported (param 1.13's
``Parameterized``: ``pprint = _pprint``). The module's node is the code its import runs: once
that code no longer reads the name, importing the module fails no more, whatever a function
of the module spells (param 2.0's ``Parameters.pprint`` calls ``self_._pprint``, its own)."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = """\
class Parameterized:
    def _pprint(self, prefix=" "):
        return prefix

    pprint = _pprint
"""

HEAD = """\
class Parameters:
    def _pprint(self, prefix=" "):
        return prefix

    def pprint(self):
        return self._pprint()


class Parameterized:
    def __init__(self):
        self.param = Parameters()
"""

IMPORTER = "import lib\n\nDEFAULT = 1\n"


def broken(tmp_path: Path, head: str) -> set[str]:
    report = impact_between({"lib.py": BASE, "importer.py": IMPORTER}, {"lib.py": head},
                            tmp_path)
    # (private: not breaking to outside users; still a removal code of ours may use)
    assert ("lib:Parameterized._pprint", "symbol-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_function_spelling_the_name_does_not_break_the_import(tmp_path: Path) -> None:
    assert broken(tmp_path, HEAD) == set()


def test_a_class_body_still_reading_it_breaks_the_import_and_its_importers(
    tmp_path: Path,
) -> None:
    head = HEAD + "\n\nclass Kept(Parameterized):\n    show = Parameterized._pprint\n"
    assert {"lib", "importer"} <= broken(tmp_path, head)
