"""An ``__all__`` extended by what cannot be read (a comprehension, a call) holds the names
read and the module's own public definitions, not the names read alone; the names it imports
are not taken to be added.

astropy 6.1 gave ``units/function/units.py`` an ``__all__: list[str] = []``, then
``__all__ += [n for n, v in _ns.items() if isinstance(v, UnitBase)]``; read as the empty list,
``astropy.units`` stopped exporting ``mag``, ``dex`` and ``dB`` (``export-removed``,
breaking) and 132 modules importing ``mag`` broke.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UNITS = """\
from fractions import Fraction

_ns = globals()


class Unit:
    pass


mag = Unit()
dex = Unit()
"""

USER = """\
from pkg import mag


def test_it():
    assert mag
"""


def _impact(tmp_path: Path, all_text: str) -> tuple[set[str], set[tuple[str, str]]]:
    base = {"pkg/__init__.py": "from .units import *\n", "pkg/units.py": UNITS,
            "tests/test_user.py": USER}
    head = dict(base, **{"pkg/units.py": all_text + UNITS})
    report = impact_between(base, head, tmp_path)
    removed = {(c["symbol"], c["kind"]) for c in report["changes"]
               if c["kind"] == "export-removed"}
    return broken_modules(report), removed


def test_an_all_extended_by_a_comprehension(tmp_path: Path) -> None:
    broken, removed = _impact(tmp_path, (
        "__all__: list[str] = []\n\n"
        "__all__ += [n for n in list(globals()) if not n.startswith('_')]\n"))
    # the imported ``Fraction`` no longer is exported (no importer here)
    assert (broken, removed) == (set(), {("pkg:Fraction", "export-removed")})


def test_an_all_extended_by_a_call(tmp_path: Path) -> None:
    broken, removed = _impact(tmp_path, (
        "from pkg.names import public\n\n__all__ = ['Unit']\n__all__ += public()\n"))
    # the imported ``Fraction`` no longer is exported (no importer here)
    assert (broken, removed) == (set(), {("pkg:Fraction", "export-removed")})


def test_an_all_that_is_read_still_removes_exports(tmp_path: Path) -> None:
    broken, removed = _impact(tmp_path, "__all__: list[str] = []\n__all__ += ['dex']\n")
    assert ("pkg:mag", "export-removed") in removed
    assert "test_user" in broken
    broken, removed = _impact(tmp_path / "empty", "__all__ = []\n")
    assert "test_user" in broken


def test_an_imported_name_is_not_taken_for_one_added(tmp_path: Path) -> None:
    # without ``__all__`` the star import gave ``Fraction`` too; the comprehension adds the
    # module's own names, and ``Fraction`` is no longer exported
    base = {"pkg/__init__.py": "from .units import *\n", "pkg/units.py": UNITS,
            "tests/test_user.py": USER.replace("import mag", "import Fraction")
            .replace("assert mag", "assert Fraction")}
    head = dict(base, **{"pkg/units.py": UNITS + (
        "\n__all__: list[str] = []\n"
        "__all__ += [n for n, v in _ns.items() if isinstance(v, Unit)]\n")})
    report = impact_between(base, head, tmp_path)
    assert ("pkg:Fraction", "export-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "test_user" in broken_modules(report)
