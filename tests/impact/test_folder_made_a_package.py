"""A folder of scripts that gains an ``__init__.py`` gives its modules dotted names, but a
script's bare import of a sibling (``import items`` beside ``main.py``) finds the same file
as before: through the script's own folder, which Python puts first on the module path when
the script runs, as it had to in the base. (typer 0.12.5 added ``__init__.py`` to its
``docs_src/subcommands/tutorial001/``; ``main.py`` there, and the tests importing it, were
judged broken by ``items`` renamed ``tutorial001.items``.) A test module is another matter:
pytest puts the first folder above it without an ``__init__.py`` on the path, which the new
file moves up."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

MAIN = """
import items

app = items.make()

if __name__ == "__main__":
    app()
"""
ITEMS = "def make():\n    return print\n"
TEST = "import items\n\n\ndef test_make():\n    assert items.make()\n"


def test_a_script_importing_its_sibling_is_not_broken(tmp_path: Path) -> None:
    base = {"pkg/__init__.py": "", "docs/tut/main.py": MAIN, "docs/tut/items.py": ITEMS}
    report = impact_between(base, {**base, "docs/tut/__init__.py": ""}, tmp_path)
    assert broken_modules(report) == set()


def test_a_module_importing_it_from_another_folder_is_broken(tmp_path: Path) -> None:
    base = {"pkg/__init__.py": "", "docs/tut/items.py": ITEMS,
            "docs/tut/main.py": MAIN, "docs/other/run.py": MAIN}
    report = impact_between(base, {**base, "docs/tut/__init__.py": ""}, tmp_path)
    assert "other.run" in broken_modules(report) or "run" in broken_modules(report)
    assert not {"main", "tut.main"} & broken_modules(report)


def test_a_test_module_importing_its_sibling_is_broken(tmp_path: Path) -> None:
    base = {"pkg/__init__.py": "", "tests/items.py": ITEMS, "tests/test_items.py": TEST}
    report = impact_between(base, {**base, "tests/__init__.py": ""}, tmp_path)
    assert broken_modules(report) == {"tests.test_items"}
