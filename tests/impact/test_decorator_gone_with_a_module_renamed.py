"""A decorator that went from a class in a module the change also renamed is read where the
base had it. seaborn 0.13 renamed ``_oldcore`` to ``_base`` and dropped
``@share_init_params_with_map`` (it returns the class it is given) from ``HueMapping`` and
its siblings; read in ``_base``, which the base lacks, it was not known, and 48 example
scripts calling a plot at import time were judged broken."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DECORATORS = '''\
def share_params(cls):
    cls.map = classmethod(cls.map)
    return cls


def wrap_class(cls):
    def make(*args):
        return cls(*args)
    return make
'''
CORE = '''\
from pkg.decorators import share_params, wrap_class


{decorator}class HueMapping:
    def __init__(self, plotter, palette=None):
        self.palette = palette

    def map(cls, plotter):
        return cls(plotter)


def map_hue(plotter, palette=None):
    return HueMapping(plotter, palette)
'''
SCRIPT = "from pkg.base import map_hue\n\nmap_hue(None, palette='deep')\n"


def _broken(tmp_path: Path, decorator: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/decorators.py": DECORATORS, "script.py":
            SCRIPT.replace("pkg.base", "pkg.oldcore"),
            "pkg/oldcore.py": CORE.format(decorator=f"@{decorator}\n")}
    head = {"pkg/__init__.py": "", "pkg/decorators.py": DECORATORS, "script.py": SCRIPT,
            "pkg/oldcore.py": None, "pkg/base.py": CORE.format(decorator="")}
    report = impact_between(base, head, tmp_path)
    assert ("pkg.base:HueMapping", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_decorator_giving_the_class_back_gone_with_the_rename_breaks_nothing(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, "share_params") == set()


def test_a_decorator_making_something_else_gone_with_the_rename_still_breaks(
        tmp_path: Path) -> None:
    # ``wrap_class`` made a function: ``HueMapping`` was no class to the base's callers
    assert "pkg.base" in _broken(tmp_path, "wrap_class")
