"""``impactgraph tests`` and ``impact`` on ``functools.singledispatch``: a test calls the
dispatcher, which runs the function registered for its argument's type. Checked against
pytest: each change below fails test_fmt.py; before, ``tests`` selected nothing (the
registered functions had no caller in the graph, and the summary held only the last ``_``)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import broken_modules, commit, impact_between, init_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/fmt.py": """
        from functools import singledispatch


        @singledispatch
        def fmt(value):
            return str(value)


        @fmt.register
        def _(value: int):
            return f"int {value}"


        @fmt.register(float)
        def _(value):
            return "float"


        def as_list(value):
            return "list"


        fmt.register(list, as_list)


        def plain(value):
            return value
    """,
    "tests/test_fmt.py": """
        from pkg.fmt import fmt


        def test_int():
            assert fmt(1) == "int 1"
    """,
    "tests/test_plain.py": """
        from pkg.fmt import plain


        def test_plain():
            assert plain(1) == 1
    """,
}
PATH = "src/pkg/fmt.py"


def _changed(old: str, new: str) -> dict[str, str]:
    assert FILES[PATH].count(old) == 1
    return {PATH: FILES[PATH].replace(old, new)}


def test_a_body_change_to_a_registered_function_selects_the_dispatchers_callers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    commit(root, _changed('return f"int {value}"', 'return f"integer {value}"'))
    assert selected_tests(root) == ["tests/test_fmt.py"]


def test_a_registered_function_needing_another_argument_breaks_the_registering_module(
    tmp_path: Path,
) -> None:
    # the dispatcher calls it with the one argument ``fmt`` is given
    report = impact_between(FILES, _changed("def as_list(value):", "def as_list(value, sep):"),
                            tmp_path)
    assert broken_modules(report) == {"pkg.fmt"}
    assert report["tests"] == ["tests/test_fmt.py"]


def test_a_registered_function_renaming_its_parameter_breaks_nothing(tmp_path: Path) -> None:
    # the dispatcher passes the argument by position
    report = impact_between(
        FILES, _changed("def as_list(value):\n            return \"list\"",
                        "def as_list(items):\n            return \"list\""), tmp_path)
    assert broken_modules(report) == set()
    assert report["tests"] == ["tests/test_fmt.py"]
