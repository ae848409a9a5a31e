"""A base class of ours that moved to another module, its old module importing it back, is the
same base; and ``import pkg.sub`` binds ``pkg``, through which a base is spelled.

urwid 2.2 moved its widgets into ``urwid.widget`` (``urwid.wimp:Button`` to
``urwid.widget.wimp:Button``), leaving ``urwid/wimp.py`` importing them back; every class of
the examples and tutorials deriving from ``urwid.Button``, ``urwid.WidgetWrap``... lost its
base, with names not known one by one (116 modules broken). The examples that also write
``import urwid.raw_display`` had ``urwid`` read as ``urwid.raw_display``, and their bases
spelled as names outside the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BUTTON = "class {name}:\n    def press(self):\n        return 1\n"
EXAMPLE = "{imports}\n\n\nclass MyButton(proj.Button):\n    pass\n\n\ndef run():\n" \
          "    return MyButton().press()\n"


def _pair(imports: str, shim: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
    base: dict[str, str | None] = {
        "proj/__init__.py": "from proj.wimp import Button\n",
        "proj/wimp.py": BUTTON.format(name="Button"), "proj/display.py": "",
        "app/example.py": EXAMPLE.format(imports=imports)}
    head = {**base, "proj/__init__.py": "from proj.widget.wimp import Button\n",
            "proj/widget/__init__.py": "",
            "proj/widget/wimp.py": BUTTON.format(name="Button") + "\n\n"
                                   + BUTTON.format(name="Other"),
            "proj/wimp.py": shim,
            # the file changed too, as urwid's examples did: its classes are compared
            "app/example.py": "from __future__ import annotations\n"
                              + EXAMPLE.format(imports=imports)}
    return base, head


@pytest.mark.parametrize("imports", ["import proj", "import proj\nimport proj.display"])
def test_a_base_moved_and_imported_back_is_the_same_base(imports: str, tmp_path: Path) -> None:
    base, head = _pair(imports, "from proj.widget.wimp import Button\n")
    report = impact_between(base, head, tmp_path)
    assert "base-removed" not in {c["kind"] for c in report["changes"]}
    assert broken_modules(report) == set()


def test_another_class_imported_back_under_the_name_is_another_base(tmp_path: Path) -> None:
    base, head = _pair("import proj", "from proj.widget.wimp import Other as Button\n")
    report = impact_between(base, head, tmp_path)
    assert ("example:MyButton", "base-removed") in {(c["symbol"], c["kind"])
                                                     for c in report["changes"]}


MIXIN = "class Mixin:\n    def contents(self):\n        return []\n"
COLUMNS = "{imports}\n\n\nclass Columns(Mixin):\n    pass\n"


def _mixin_pair(kept: bool, new_module: str) -> tuple[dict[str, str | None],
                                                       dict[str, str | None]]:
    base: dict[str, str | None] = {
        "proj/__init__.py": "", "proj/container.py": MIXIN + "\n\n" + COLUMNS.format(imports=""),
        "proj/user.py": "from proj.container import Columns\n\n\ndef run():\n"
                        "    return Columns().contents()\n"}
    head = {**base, "proj/widget/__init__.py": "",
            "proj/widget/mixins.py": new_module,
            "proj/widget/columns.py": COLUMNS.format(
                imports="from proj.widget.mixins import Mixin"),
            "proj/container.py": (MIXIN if kept else "")
            + "from proj.widget.columns import Columns\n"}
    return base, head


def test_a_base_moved_without_being_imported_back_is_the_same_base(tmp_path: Path) -> None:
    """urwid 2.2's ``WidgetContainerListContentsMixin`` went from ``urwid.container`` to
    ``urwid.widget.container``, which ``urwid/container.py`` does not import back."""
    base, head = _mixin_pair(kept=False, new_module=MIXIN)
    report = impact_between(base, head, tmp_path)
    assert "base-removed" not in {c["kind"] for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_class_of_that_name_beside_the_old_one_is_another_base(tmp_path: Path) -> None:
    base, head = _mixin_pair(kept=True, new_module=MIXIN.replace("return []", "return ()"))
    report = impact_between(base, head, tmp_path)
    assert "base-removed" in {c["kind"] for c in report["changes"]}

