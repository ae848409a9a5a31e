"""A change to a module's own code (what importing or running it does besides defining and
binding names: ``register("a")``, a store into a registry, its ``__main__`` block, a script's
statements) is a change: ``body-changed`` naming the module (DESIGN.md: "a module-level change
names the module"). Before, it was no change at all: ``changes`` printed nothing, and ``tests``
left out every test it broke. Checked against pytest: each change below fails the test files
asserted selected, and no other."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import runner, selected_tests
from git_support import edited_repo

from impactgraph.cli import app

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/reg.py": """
        REG = {}


        def register(name):
            REG[name] = 1
    """,
    "src/pkg/plugins.py": """
        \"\"\"Plugins, registered as the module is imported.\"\"\"
        from typing import TYPE_CHECKING

        from pkg.reg import register

        if TYPE_CHECKING:
            from pkg.reg import REG

        LIMIT = 3

        register("a")
    """,
    "src/pkg/app.py": """
        import pkg.plugins


        def names():
            return 1
    """,
    "src/pkg/cli.py": """
        def main():
            print("ok")


        if __name__ == "__main__":
            main()
    """,
    "scripts/tool.py": """
        print("ok")
    """,
    "tests/test_plugins.py": """
        import pkg.plugins
        from pkg.reg import REG


        def test_registered():
            assert "a" in REG
    """,
    "tests/test_app.py": """
        import pkg.app
        from pkg.reg import REG


        def test_through_the_app():
            assert "a" in REG
    """,
    "tests/test_reg.py": """
        from pkg.reg import register


        def test_register():
            assert register("z") is None
    """,
    "tests/test_cli.py": """
        import os
        import subprocess
        import sys


        def test_cli():
            environment = {**os.environ, "PYTHONPATH": "src"}
            out = subprocess.run([sys.executable, "-m", "pkg.cli"], capture_output=True,
                                 text=True, env=environment).stdout
            assert out == "ok\\n"
    """,
    "tests/test_tool.py": """
        import subprocess
        import sys


        def test_tool():
            out = subprocess.run([sys.executable, "scripts/tool.py"], capture_output=True,
                                 text=True).stdout
            assert out == "ok\\n"
    """,
}


def _repo(tmp_path: Path, path: str, old: str, new: str) -> Path:
    return edited_repo(tmp_path / "repo", BASE, path, old, new)


def _changes(root: Path) -> list[dict[str, object]]:
    result = runner.invoke(app, ["changes", "--repo", str(root), "--base", "base",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return list(json.loads(result.stdout)["changes"])


def test_a_call_in_module_code_is_a_change_of_the_module(tmp_path: Path) -> None:
    root = _repo(tmp_path, "src/pkg/plugins.py", 'register("a")', 'register("b")')
    (change,) = _changes(root)
    assert (change["symbol"], change["kind"], change["breaking"], change["path"]) == (
        "pkg.plugins", "body-changed", False, "src/pkg/plugins.py")
    assert change["detail"] == "module-level code changed"


def test_imports_docstrings_and_bindings_are_not_module_code(tmp_path: Path) -> None:
    for old, new in (('"""Plugins, registered', '"""Plugins, all registered'),
                     ("    from pkg.reg import REG\n", "    from pkg.reg import REG, register\n"),
                     ("LIMIT = 3", "LIMIT = 4")):
        root = _repo(tmp_path / str(len(old)), "src/pkg/plugins.py", old, new)
        assert all(c["detail"] != "module-level code changed" for c in _changes(root)), old


def test_module_code_selects_the_tests_importing_it_directly_or_not(tmp_path: Path) -> None:
    root = _repo(tmp_path, "src/pkg/plugins.py", 'register("a")', 'register("b")')
    assert selected_tests(root) == ["tests/test_app.py", "tests/test_plugins.py"]


def test_a_main_block_selects_the_test_running_the_module(tmp_path: Path) -> None:
    root = _repo(tmp_path, "src/pkg/cli.py", "    main()", '    print("ko")')
    assert selected_tests(root) == ["tests/test_cli.py"]


def test_a_script_selects_the_test_running_it_by_path(tmp_path: Path) -> None:
    root = _repo(tmp_path, "scripts/tool.py", 'print("ok")', 'print("ko")')
    assert selected_tests(root) == ["tests/test_tool.py"]
