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
