"""``impactgraph tests`` and code under ``if __name__ == "__main__":``: it runs when the module
runs as a program, not when it is imported. Python-Markdown 3.7's ``markdown/__main__.py`` ends
with ``if __name__ == '__main__': run()``; a change that ``run()`` reaches does not change what
importing the module does, so a test that may import it by name (``importlib.import_module``
in the extension loader) or imports it is not kept for that alone. ``impact`` still reports
the module: its program does run the changed code."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import runner, selected_reasons
from git_support import commit, init_repo

from impactgraph.cli import app

BASE = {
    "src/pkg/__init__.py": "from pkg.core import render\n",
    "src/pkg/core.py": """
        def render(text):
            return text.upper()


        def table():
            return {"a": 1}
    """,
    "src/pkg/loader.py": """
        import importlib


        def load(name):
            return importlib.import_module(name)
    """,
    "src/pkg/__main__.py": """
        import sys

        from pkg.core import render


        def run():
            print(render(sys.argv[1]))


        if __name__ == "__main__":
            GREETING = "hello"
            print(GREETING)
            run()
    """,
    "src/pkg/both.py": """
        from pkg.core import table


        if "__main__" == __name__:
            print(table())
        else:
            TABLE = table()
    """,
    "tests/test_loader.py": """
        from pkg.loader import load


        def test_load():
            assert load("json") is not None
    """,
    "tests/test_main_module.py": """
        import pkg.__main__


        def test_imports():
            assert pkg.__main__.sys is not None
    """,
    "tests/test_both.py": """
        import pkg.both


        def test_table():
            assert pkg.both.TABLE == {"a": 1}
    """,
    "tests/test_render.py": """
        from pkg import render


        def test_render():
            assert render("a") == "A"
    """,
}


def _changed(root: Path, path: str, old: str, new: str) -> None:
    commit(root, BASE, message="base", tag="base")
    commit(root, {path: BASE[path].replace(old, new)})


def test_a_change_only_a_main_block_reaches_keeps_no_importer(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    _changed(root, "src/pkg/core.py", "text.upper()", "text.lower()")
    reasons = selected_reasons(root)
    # test_loader may import pkg.__main__ by name, test_main_module imports it: importing it
    # runs nothing of the change
    assert sorted(reasons) == ["tests/test_render.py"]


def test_impact_still_reports_the_module_whose_program_runs_the_change(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    _changed(root, "src/pkg/core.py", "text.upper()", "text.lower()")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    affected = {m["module"] for m in json.loads(result.stdout)["affected"]}
    assert "pkg.__main__" in affected


def test_the_else_branch_of_a_main_guard_runs_on_import(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    _changed(root, "src/pkg/core.py", '{"a": 1}', '{"a": 2}')
    reasons = selected_reasons(root)
    assert "tests/test_both.py" in reasons
    assert any("pkg.both" in r for r in reasons["tests/test_both.py"])
    assert "tests/test_loader.py" in reasons  # it may import pkg.both by name


def test_a_change_inside_the_main_block_does_not_change_the_import(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    _changed(root, "src/pkg/__main__.py", '"hello"', '"bye"')
    reasons = selected_reasons(root)
    assert "tests/test_loader.py" not in reasons
