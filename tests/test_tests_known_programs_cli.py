"""``impactgraph tests`` and a test that starts a program the test's constants spell: it is kept
only when that program can run the change. click 8.1.7's tests/test_imports.py feeds
``python -`` a constant source that imports click and calls ``click.echo``: it fails only when
click's import-time code, or what ``echo`` runs, changes. ``python -m pkg.cli`` runs
``pkg.cli``'s main block and the import-time code of what it imports. Where a program is not
known (a parameter, a command, a computed import inside it) the test is kept as before."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": """
        from pkg.out import echo
        from pkg.util import clamp, width

        DEFAULT_WIDTH = width()
    """,
    "src/pkg/out.py": """
        def echo(text):
            print(_styled(text))


        def _styled(text):
            return text
    """,
    "src/pkg/util.py": """
        def clamp(value, low, high):
            return max(low, min(value, high))


        def width():
            return 80
    """,
    "src/pkg/cli.py": """
        from pkg.util import clamp


        def main():
            print(clamp(5, 0, 3))


        if __name__ == "__main__":
            main()
    """,
    "src/pkg/plugins.py": """
        import importlib


        def load(name):
            return importlib.import_module(name)
    """,
    "src/pkg/views.py": """
        from pkg.util import clamp


        class Page:
            def render(self):
                return clamp(1, 0, 2)


        def show(view):
            return view.render()
    """,
    "tests/test_views.py": """
        import subprocess
        import sys


        def test_show():
            code = "import pkg.views; pkg.views.show(None)"
            assert subprocess.call([sys.executable, "-c", code]) == 0
    """,
    "tests/test_imports.py": """
        import subprocess
        import sys

        from pkg.util import width

        CODE = b\"\"\"\\
        import json
        import pkg
        pkg.echo(json.dumps([1]))
        \"\"\"


        def test_light_imports():
            c = subprocess.Popen([sys.executable, "-"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE)
            out = c.communicate(CODE)[0]
            assert out and width
    """,
    "tests/test_cli.py": """
        import subprocess
        import sys


        def test_cli():
            assert subprocess.call([sys.executable, "-m", "pkg.cli"]) == 0
    """,
    "tests/test_unknown.py": """
        import subprocess
        import sys


        def run(module):
            return subprocess.call([sys.executable, "-m", module])


        def test_cli():
            assert run("pkg.cli") == 0
    """,
    "tests/test_dynamic.py": """
        import subprocess
        import sys


        def test_plugins():
            code = "import pkg.plugins; pkg.plugins.load('pkg.cli')"
            assert subprocess.call([sys.executable, "-c", code]) == 0
    """,
}


def _selected(tmp_path: Path, path: str, old: str, new: str) -> dict[str, list[str]]:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_reasons(root)


def test_a_change_no_program_runs(tmp_path: Path) -> None:
    reasons = _selected(tmp_path, "src/pkg/util.py", "max(low, ", "max(low - 1, ")
    # clamp: run by pkg.cli's main block; not by the source test_imports feeds python, nor
    # by importing pkg. test_unknown's program is not known; test_dynamic's imports by name;
    # test_views' calls show(), whose view.render() may be Page.render, which calls clamp
    assert sorted(reasons) == ["tests/test_cli.py", "tests/test_dynamic.py",
                               "tests/test_unknown.py", "tests/test_views.py"]


def test_a_change_the_fed_source_calls(tmp_path: Path) -> None:
    reasons = _selected(tmp_path, "src/pkg/out.py", "return text", "return text.upper()")
    assert "tests/test_imports.py" in reasons
    assert any("Python source" in r for r in reasons["tests/test_imports.py"])
    assert "tests/test_cli.py" not in reasons


def test_a_change_to_import_time_code(tmp_path: Path) -> None:
    reasons = _selected(tmp_path, "src/pkg/util.py", "return 80", "return 81")
    # pkg's import runs width(): every program importing pkg runs it
    assert {"tests/test_imports.py", "tests/test_cli.py"} <= set(reasons)
