"""A module that cannot be analysed in one revision (it does not parse, or it is past the size
limit: altair 5.2's generated ``schema/core.py`` grew to 2.7 MB) tells nothing of the names
it binds there. The packages re-exporting it (``from .core import *``) kept every name as far
as anyone can tell: not an ``export-removed`` of each (altair: 1,571 breaking changes and 34
broken modules)."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

CORE = "class TopLevelSpec:\n    pass\n\n\nclass Chart:\n    pass\n"
BASE = {
    "pkg/__init__.py": "from .schema import *\n",
    "pkg/schema/__init__.py": "from .core import *\nfrom .core import Chart\n",
    "pkg/schema/core.py": CORE,
    "pkg/user.py": "from pkg import TopLevelSpec\nfrom pkg.schema import Chart\n\n\n"
                   "def make():\n    return TopLevelSpec(), Chart()\n",
}


def test_names_reexported_from_a_module_that_no_longer_parses_are_not_removed(
        tmp_path: Path) -> None:
    head = {**BASE, "pkg/schema/core.py": CORE + "\ndef broken(:\n"}
    report = impact_between(BASE, head, tmp_path)
    assert [c for c in report["changes"] if c["breaking"]] == []
    assert broken_modules(report) == set()
    assert [w["path"] for w in report["warnings"]] == ["pkg/schema/core.py"]


def test_a_name_really_gone_from_a_readable_module_is_still_removed(tmp_path: Path) -> None:
    head = {**BASE, "pkg/schema/core.py": "class Chart:\n    pass\n"}
    report = impact_between(BASE, head, tmp_path)
    assert ("pkg.schema:TopLevelSpec", "export-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == {"pkg.user"}
