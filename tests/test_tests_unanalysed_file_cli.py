"""``impactgraph tests`` when an unchanged file could not be analysed (nested deeper than the
parser's recursion allows, here 900 nested lambdas, which Python itself compiles and runs): its
calls are unknown in both revisions, so a change it may call must select the test files that
load it (DESIGN.md: fail open on "a file that does not parse"). Before, only changed files that
did not parse failed open, and a test importing such a module was left out. Checked against
pytest: with ``f`` given a required parameter, test_chain.py and test_core.py fail;
test_other.py passes."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

DEPTH = 900  # past what the analysis parses (500 already is), well within what Python does

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": """
        def f(a):
            return a + 1


        def other(a):
            return a
    """,
    "src/pkg/chain.py": "from pkg.core import f\n\ng = " + "lambda: " * DEPTH + "f(1)\n",
    # as deep, but it calls nothing the changes to ``f`` reach
    "src/pkg/table.py": "from pkg.core import other\n\nh = " + "lambda: " * DEPTH + "other(1)\n",
    "tests/test_chain.py": f"""
        from pkg.chain import g


        def test_g():
            h = g
            for _ in range({DEPTH}):
                h = h()
            assert h == 2
    """,
    "tests/test_other.py": f"""
        from pkg.table import h


        def test_h():
            k = h
            for _ in range({DEPTH}):
                k = k()
            assert k == 1
    """,
    "tests/test_core.py": """
        from pkg.core import f


        def test_f():
            assert f(1) == 2
    """,
}


def _changed(tmp_path: Path, old: str, new: str, files: dict[str, str] | None = None
             ) -> dict[str, list[str]]:
    root = init_repo(tmp_path / "repo")
    commit(root, {**BASE, **(files or {})}, message="base", tag="base")
    source = BASE["src/pkg/core.py"]
    assert old in source
    commit(root, {"src/pkg/core.py": source.replace(old, new)})
    return selected_reasons(root)


def test_a_test_loading_an_unanalysed_module_that_spells_a_changed_name_is_selected(
        tmp_path: Path) -> None:
    selected = _changed(tmp_path, "def f(a):", "def f(a, b):")
    assert sorted(selected) == ["tests/test_chain.py", "tests/test_core.py"]
    (reason,) = selected["tests/test_chain.py"]
    assert "src/pkg/chain.py could not be analysed" in reason
    assert "spells f" in reason


def test_an_unanalysed_module_spelling_nothing_the_changes_reach_selects_nothing(
        tmp_path: Path) -> None:
    selected = _changed(tmp_path, "return a + 1", "return 1 + a")
    assert sorted(selected) == ["tests/test_chain.py", "tests/test_core.py"]
    selected = _changed(tmp_path / "other", "def f(a):", "def f(a, b=0):")
    assert "tests/test_other.py" not in selected


def test_an_unanalysed_test_file_that_spells_a_changed_name_is_selected(tmp_path: Path) -> None:
    deep = "from pkg.core import f\n\nk = " + "lambda: " * DEPTH + "f(1)\n\n\ndef test_k():\n" \
        f"    h = k\n    for _ in range({DEPTH}):\n        h = h()\n    assert h == 2\n"
    selected = _changed(tmp_path, "def f(a):", "def f(a, b):", {"tests/test_deep.py": deep})
    assert "tests/test_deep.py" in selected
    assert "tests/test_other.py" not in selected


def test_the_json_selection_says_it_failed_open_and_why(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/pkg/core.py": BASE["src/pkg/core.py"].replace("def f(a):",
                                                                     "def f(a, b):")})
    result = CliRunner().invoke(app, ["tests", "--repo", str(root), "--base", "base",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["all"] is False
    assert any(w["path"] == "src/pkg/chain.py" for w in document["warnings"])
