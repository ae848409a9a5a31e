"""``impactgraph tests`` where the configuration's ``addopts`` holds ``--doctest-modules``: a
plain ``pytest`` collects every Python module under its search roots (``testpaths``) as a
test file of its docstrings' examples, which call the module's own code. Such a module is
selected like a test file: when it changed, or when its code reaches the change (seen on
humanize 4.17.0, ``[tool.pytest] addopts = ["--doctest-modules"]``, ``testpaths = ["src",
"tests"]``: ``thousands_separator()`` returning another default failed the doctests of
src/humanize/number.py, whose ``intcomma`` calls it; no module of src/ was ever selected)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_reasons
from git_support import commit, init_repo

CONFIGS = {
    "native": ("pyproject.toml",
               '[tool.pytest]\naddopts = ["--doctest-modules"]\ntestpaths = ["src", "tests"]\n'),
    "ini": ("pytest.ini", "[pytest]\naddopts = -q --doctest-modules\ntestpaths = src tests\n"),
}
# -o of a key we read: the run is not filtered, its doctests still count
UNFILTERED = ("pytest.ini", "[pytest]\naddopts = --doctest-modules -o python_files=test_*.py\n")


def sources(config: tuple[str, str]) -> dict[str, str]:
    return {
        config[0]: config[1],
        "setup.py": "from setuptools import setup\nsetup()\n",
        "src/pkg/__init__.py": "",
        "src/pkg/i18n.py": """
            def separator():
                return ","
        """,
        "src/pkg/number.py": '''
            from pkg.i18n import separator


            def intcomma(value):
                """
                >>> intcomma(1000)
                '1,000'
                """
                return f"{value:,}".replace(",", separator())
        ''',
        "src/pkg/lists.py": '''
            def natural_list(items):
                """
                >>> natural_list(["a", "b"])
                'a and b'
                """
                return " and ".join(items)
        ''',
        "tools/helper.py": '''
            from pkg.number import intcomma


            def show(value):
                """
                >>> show(1)
                '1'
                """
                return intcomma(value)
        ''',
        "tests/test_lists.py": """
            from pkg.lists import natural_list


            def test_two():
                assert natural_list(["a", "b"]) == "a and b"
        """,
        "tests/test_number.py": """
            from pkg.number import intcomma


            def test_thousands():
                assert intcomma(1000) == "1,000"
        """,
    }


def with_separator(text: str) -> dict[str, str]:
    return {"src/pkg/i18n.py": f"""
            def separator():
                return {text!r}
        """}


@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_a_module_whose_code_reaches_the_change_is_selected_for_its_doctests(
    tmp_path: Path, config: str,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(CONFIGS[config]), message="base", tag="base")
    commit(root, with_separator("_"))
    # i18n.py: changed, its doctests (none here) run too; tools/ is outside testpaths
    assert set(selected_reasons(root)) == {
        "src/pkg/i18n.py", "src/pkg/number.py", "tests/test_number.py"}


def test_a_changed_module_is_selected_for_its_doctests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(CONFIGS["native"]), message="base", tag="base")
    changed = sources(CONFIGS["native"])["src/pkg/lists.py"].replace(" and ", " & ")
    commit(root, {"src/pkg/lists.py": changed})
    assert set(selected_reasons(root)) == {"src/pkg/lists.py", "tests/test_lists.py"}


def test_without_doctest_modules_no_module_of_the_package_is_selected(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = sources(("pyproject.toml", '[tool.pytest]\ntestpaths = ["src", "tests"]\n'))
    commit(root, files, message="base", tag="base")
    commit(root, with_separator("_"))
    assert set(selected_reasons(root)) == {"tests/test_number.py"}


def test_an_unfiltered_run_still_selects_modules_for_their_doctests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(UNFILTERED), message="base", tag="base")
    commit(root, with_separator("_"))
    assert set(selected_reasons(root)) >= {
        "src/pkg/i18n.py", "src/pkg/number.py", "tests/test_number.py"}
