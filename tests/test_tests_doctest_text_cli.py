"""``impactgraph tests`` where pytest collects text files as doctests: a file whose name
matches ``--doctest-glob`` (``test*.txt`` when the option is not given; pytest's doctest plugin
is on by default) below the search roots is a test file of the examples in it. Those
examples are not analysed (they are not a Python module), so such a file is selected on
every change, with a reason, and when it changed itself (seen on voluptuous 0.15.2:
``addopts = "--doctest-glob=*.md"``, ``python_files = "tests.py"``, its
voluptuous/tests/tests.md doctests ``from voluptuous import *`` and ``Schema``; a changed
``Schema.__init__`` default failed them and only tests.py was selected)."""

from __future__ import annotations

from pathlib import Path

from cli_support import runner, selected_reasons
from git_support import commit, init_repo

from impactgraph.cli import app


def sources(config: dict[str, str]) -> dict[str, str]:
    return {
        **config,
        "pkg/__init__.py": "from pkg.core import Schema\n",
        "pkg/core.py": """
            class Schema:
                def __init__(self, shape, required=False):
                    self.shape = shape
                    self.required = required
        """,
        "pkg/other.py": """
            def unrelated():
                return 1
        """,
        "pkg/tests/__init__.py": "",
        "pkg/tests/tests.py": """
            from pkg.other import unrelated


            def test_unrelated():
                assert unrelated() == 1
        """,
        "pkg/tests/tests.md": """
            Schemas
            =======

            >>> from pkg import *
            >>> Schema(int).required
            False
        """,
        "pkg/tests/test_usage.txt": """
            >>> from pkg import Schema
            >>> Schema(str).shape
            <class 'str'>
        """,
        "pkg/tests/notes.txt": ">>> 1 + 1\n2\n",
        # matches test*.txt, but pytest finds no example in it: nothing of it runs
        "pkg/tests/test_data.txt": "1 + 1\n",
        "README.md": ">>> import pkg\n",
    }


GLOB_MD = {"pyproject.toml": """
    [tool.pytest.ini_options]
    python_files = "tests.py"
    testpaths = "pkg/tests"
    addopts = "--doctest-glob=*.md -v"
"""}
DEFAULT = {"pytest.ini": "[pytest]\npython_files = tests.py\n"}


def changed_default() -> dict[str, str]:
    return {"pkg/core.py": """
            class Schema:
                def __init__(self, shape, required=True):
                    self.shape = shape
                    self.required = required
        """}


def test_a_doctest_glob_makes_text_files_test_files_selected_on_a_change(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(GLOB_MD), message="base", tag="base")
    commit(root, changed_default())
    selected = selected_reasons(root)
    # --doctest-glob replaces pytest's default test*.txt; README.md is outside testpaths
    assert set(selected) == {"pkg/tests/tests.md"}
    assert any("doctest" in reason for reason in selected["pkg/tests/tests.md"])


def test_without_the_option_pytest_collects_test_txt_files(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(DEFAULT), message="base", tag="base")
    commit(root, changed_default())
    # test*.txt only: not notes.txt, not the markdown files
    assert set(selected_reasons(root)) == {"pkg/tests/test_usage.txt"}


SEVERAL = {"tox.ini": "[pytest]\npython_files = tests.py\n"
                      "addopts = --doctest-glob '*.md' --doctest-glob=notes.*\n"}


def test_several_globs_and_the_space_separated_form(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(SEVERAL), message="base", tag="base")
    commit(root, changed_default())
    assert set(selected_reasons(root)) == {
        "pkg/tests/tests.md", "README.md", "pkg/tests/notes.txt"}


def test_the_doctest_plugin_switched_off_collects_no_text_file(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    # (``--doctest-glob`` is then an option pytest does not know: left out)
    config = {"pytest.ini": "[pytest]\npython_files = tests.py\naddopts = -p no:doctest\n"}
    commit(root, sources(config), message="base", tag="base")
    commit(root, changed_default())
    assert selected_reasons(root) == {}


def test_a_changed_text_file_is_selected(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(SEVERAL), message="base", tag="base")
    # a README at the root is no file the code reads (no file-changed): nothing else changed
    commit(root, {"README.md": ">>> import pkg\n>>> pkg.Schema(1).shape\n1\n"})
    assert selected_reasons(root) == {"README.md": ["test file changed"]}


def test_a_committed_head_lists_its_own_text_files(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(GLOB_MD), message="base", tag="base")
    commit(root, changed_default(), tag="head")
    commit(root, {"pkg/tests/tests.md": None})  # gone after the head: not on disk now
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", "base",
                                 "--head", "head"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["pkg/tests/tests.md"]
