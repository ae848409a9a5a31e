"""``impactgraph tests`` when a test writes Python source held in a string, which imports and
calls the library, to a file and imports it (or runs it as a program). (python-dotenv 1.0.1:
tests/test_zip_imports.py puts ``from dotenv import load_dotenv; load_dotenv()`` into a zip it
builds and imports it from there, and runs a script doing so; it imports nothing of dotenv
itself. Six changes to the parser failed it, not selected.) Checked against pytest: with
``parse`` given a required parameter test_snippet.py and test_envfile.py fail; with
``helper`` given one, only test_other.py does."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/envfile.py": """
        def parse(text):
            return dict(line.split("=", 1) for line in text.splitlines() if line)


        def load(text):
            return parse(text)
    """,
    "src/pkg/other.py": """
        def helper(value):
            return value * 2
    """,
    "tests/test_snippet.py": """
        import sys
        import textwrap
        from importlib import import_module


        def test_snippet_imports_and_loads(tmp_path):
            (tmp_path / "snippet.py").write_text(textwrap.dedent(
                '''
                from pkg.envfile import load

                VALUES = load("a=b")
                '''
            ))
            sys.path.insert(0, str(tmp_path))
            try:
                assert import_module("snippet").VALUES == {"a": "b"}
            finally:
                sys.path.remove(str(tmp_path))
    """,
    "tests/test_envfile.py": """
        from pkg.envfile import load


        def test_load():
            assert load("x=1") == {"x": "1"}
    """,
    "tests/test_other.py": """
        from pkg.other import helper

        NOTE = "nothing here to import from pkg.envfile, it is prose"
        SOURCE = "import os\\nos.getcwd()"


        def test_helper():
            assert helper(2) == 4
    """,
}


def _selected(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_the_source_in_a_string_runs_selects_its_test(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _selected(root, "src/pkg/envfile.py", "def parse(text):",
                         "def parse(text, strict):")
    # before: only test_envfile.py (test_snippet.py imports nothing of pkg itself)
    assert selected == ["tests/test_envfile.py", "tests/test_snippet.py"]


def test_a_change_the_source_in_a_string_does_not_reach_selects_no_more(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _selected(root, "src/pkg/other.py", "def helper(value):",
                         "def helper(value, strict):")
    # test_other.py's strings: prose that does not parse, and source importing only ``os``
    assert selected == ["tests/test_other.py"]
