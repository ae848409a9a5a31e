"""``impactgraph tests`` selects test files reached only through what pytest and Python wire up
implicitly: fixtures, computed method names, dunder methods."""

from __future__ import annotations

from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

BASE = {
    "src/tool/__init__.py": "",
    "src/tool/cli.py": """
        class CliRunner:
            def invoke(self, command):
                return command()


        class Other:
            def run(self):
                return 1
    """,
    "tests/conftest.py": """
        import pytest

        from tool.cli import CliRunner


        @pytest.fixture
        def runner():
            return CliRunner()
    """,
    "tests/test_invoke.py": """
        def hello():
            return "hi"


        def test_invoke(runner):
            assert runner.invoke(hello) == "hi"
    """,
    "tests/test_other.py": """
        from tool.cli import Other


        def test_other():
            assert Other().run() == 1
    """,
}


def selected(root: Path) -> list[str]:
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", "base"])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_a_change_to_a_fixture_provided_objects_method_selects_its_test(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/tool/cli.py"].replace("return command()", "return command() or None")
    commit(root, {"src/tool/cli.py": changed})
    assert selected(root) == ["tests/test_invoke.py"]
