"""Python source held in an f-string: a line with a placeholder in it is not known, and a
fragment of the string after a placeholder starts inside such a line. Only the whole lines
of the text around the placeholders are read for imports (``StatementVisitor.visit_Const``).

pytest 7.4.4 -> 8.0.0: ``test_doctest`` writes ``f'from {mod} import setup; setup(name="foo")'``
to a file; its fragment ``' import setup; setup(name="foo")'`` was read as ``import setup``,
and removing the repository's own ``setup.py`` broke the module.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

TEST = """\
def test_writes_a_setup_py(tmp_path, mod):
    path = tmp_path / "setup.py"
    path.write_text(f'from {mod} import setup; setup(name="foo")')
"""
WHOLE_LINES = """\
def test_writes_a_script(tmp_path, name):
    path = tmp_path / "script.py"
    path.write_text(f"import setup\\nsetup.main({name!r})\\n")
"""


def test_a_fragment_after_a_placeholder_imports_nothing(tmp_path: Path) -> None:
    base: dict[str, str | None] = {"setup.py": "def main():\n    pass\n",
                                   "tests/test_setup.py": TEST}
    report = impact_between(base, {"setup.py": None}, tmp_path)
    assert ("setup", "module-removed") in {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_whole_lines_before_a_placeholder_still_import(tmp_path: Path) -> None:
    base: dict[str, str | None] = {"setup.py": "def main(name):\n    pass\n",
                                   "tests/test_script.py": WHOLE_LINES}
    report = impact_between(base, {"setup.py": None}, tmp_path)
    assert broken_modules(report) == {"test_script"}
