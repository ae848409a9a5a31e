"""A base class imported from a module that did not give it, imported from one that does:
the old import failed, so the class never had the base it is now given, and lost none.
asciimatics 1.14 fixed ``samples/maps.py``'s ``from asciimatics.widgets import Effect``
(``widgets`` only imports ``Effect as _Effect``) to ``from asciimatics.effects import
Effect``; ``maps:Map`` got a breaking ``base-removed Effect``, and ``maps`` was judged
broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

EFFECT = '''\
class Effect:
    def __init__(self, screen):
        self.screen = screen

    def update(self, frame):
        return frame
'''
MAP = '''\
class Map({base}):
    def __init__(self, screen):
        super().__init__(screen)


def demo(screen):
    return Map(screen).update(0)
'''
BASE = {
    "pkg/__init__.py": "",
    "pkg/effects.py": EFFECT,
    "pkg/widgets.py": "from pkg.effects import Effect as _Effect\n\n\n"
                      "class Frame(_Effect):\n    pass\n",
}


def _maps(imports: str, base: str = "Effect") -> str:
    return f"{imports}\n\n\n{MAP.format(base=base)}"


def _report(tmp_path: Path, old: str, new: str, extra: dict[str, str] | None = None
            ) -> tuple[set[tuple[str, str]], set[str]]:
    base = {**BASE, **(extra or {}), "samples/maps.py": old}
    head = {**base, "samples/maps.py": new}
    report = impact_between(base, head, tmp_path)
    changes = {(c["symbol"], c["kind"]) for c in report["changes"] if c["breaking"]}
    return changes, broken_modules(report)


@pytest.mark.parametrize(("old", "new"), [
    (_maps("from pkg.widgets import Effect"), _maps("from pkg.effects import Effect")),
    (_maps("from pkg import widgets", "widgets.Effect"),
     _maps("from pkg import effects", "effects.Effect")),
], ids=["from-import", "module-attribute"])
def test_a_base_whose_old_import_failed_imported_from_where_it_is_removed_nothing(
        old: str, new: str, tmp_path: Path) -> None:
    changes, broken = _report(tmp_path, old, new)
    assert ("maps:Map", "base-removed") not in changes
    assert broken == set()


def test_a_base_traded_for_another_class_of_that_name_breaks_users_of_what_it_lost(
        tmp_path: Path) -> None:
    other = {"pkg/other.py": "class Effect:\n    def __init__(self, screen):\n"
                             "        self.screen = screen\n"}
    changes, broken = _report(tmp_path, _maps("from pkg.effects import Effect"),
                              _maps("from pkg.other import Effect"), other)
    assert ("maps:Map", "base-removed") in changes
    assert broken == {"maps"}


def test_a_base_whose_old_import_failed_traded_for_a_class_of_another_name_is_removed(
        tmp_path: Path) -> None:
    changes, _ = _report(tmp_path, _maps("from pkg.widgets import Effect"),
                         _maps("from pkg.widgets import Frame as Effect"))
    assert ("maps:Map", "base-removed") in changes


@pytest.mark.parametrize("widgets", [
    "import pkg.effects\n\nglobals().update(Effect=pkg.effects.Effect)\n",
    "def __getattr__(name):\n    raise AttributeError(name)\n",
], ids=["namespace-filled", "module-getattr"])
def test_a_base_the_old_module_may_have_given_unseen_is_still_removed(
        widgets: str, tmp_path: Path) -> None:
    other = {"pkg/widgets.py": widgets,
             "pkg/other.py": "class Effect:\n    pass\n"}
    changes, _ = _report(tmp_path, _maps("from pkg.widgets import Effect"),
                         _maps("from pkg.other import Effect"), other)
    assert ("maps:Map", "base-removed") in changes
