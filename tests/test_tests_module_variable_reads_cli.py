"""``impactgraph tests`` on a change to the value of a module-level variable that other
variables are made from, or whose parts code reads. svgwrite 1.4.3's ``data/pattern.py`` binds
``length = coordinate``, and its type checker reads ``pattern.length.match(...)``: with ``cm``
dropped from ``coordinate``'s regular expression, test_circle.py, test_rect.py and four more
fail; before, ``tests`` selected two files, the readers of ``coordinate`` itself. So too for a
value computed from the variable (``PATTERN = re.compile(RAW)``), a container literal holding
it, and a function reading an attribute of it (``coordinate.pattern``). A table of functions
is no value made from them: reading it runs none (``len(HANDLERS)``). Checked against pytest:
each selected file below fails with the change, each one left out passes."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/patterns.py": """
        import re

        RAW = r"^[0-9]+(cm|mm)?$"
        PATTERN = re.compile(RAW)
        coordinate = re.compile(r"^[0-9]+(cm|mm)?$")
        length = coordinate
        units = {"cm": coordinate}
        angle = re.compile(r"^[0-9]+(deg|rad)?$")


        def parse(value):
            return value


        HANDLERS = {"parse": parse}
    """,
    "src/pkg/check.py": """
        from pkg import patterns
        from pkg.patterns import coordinate


        def is_length(value):
            return patterns.length.match(value) is not None


        def is_unit(value):
            return patterns.units["cm"].match(value) is not None


        def length_source():
            return coordinate.pattern


        def is_raw(value):
            return patterns.PATTERN.match(value) is not None


        def is_angle(value):
            return patterns.angle.match(value) is not None
    """,
    "tests/test_length.py": """
        from pkg.check import is_length


        def test_cm():
            assert is_length("3cm")
    """,
    "tests/test_unit.py": """
        from pkg.check import is_unit


        def test_cm():
            assert is_unit("3cm")
    """,
    "tests/test_source.py": """
        from pkg.check import length_source


        def test_cm():
            assert "cm" in length_source()
    """,
    "tests/test_raw.py": """
        from pkg.check import is_raw


        def test_cm():
            assert is_raw("3cm")
    """,
    "tests/test_handlers.py": """
        from pkg import patterns


        def test_count():
            assert len(patterns.HANDLERS) == 1
    """,
    "tests/test_angle.py": """
        from pkg.check import is_angle


        def test_deg():
            assert is_angle("3deg")
    """,
}
PATH = "src/pkg/patterns.py"


def _changed(root: Path, old: str, new: str) -> list[str]:
    commit(root, FILES, message="base", tag="base")
    assert FILES[PATH].count(old) == 1
    commit(root, {PATH: FILES[PATH].replace(old, new)})
    return selected_tests(root)


def test_a_change_to_a_variable_reaches_its_aliases_and_the_readers_of_its_parts(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    old = 'coordinate = re.compile(r"^[0-9]+(cm|mm)?$")'
    selected = _changed(root, old, old.replace("cm|", ""))
    assert selected == ["tests/test_length.py", "tests/test_source.py", "tests/test_unit.py"]


def test_a_change_to_a_variable_reaches_a_value_computed_from_it(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    old = 'RAW = r"^[0-9]+(cm|mm)?$"'
    assert _changed(root, old, old.replace("cm|", "")) == ["tests/test_raw.py"]


def test_a_change_to_a_variable_nothing_is_made_from_stays_with_its_readers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    old = 'angle = re.compile(r"^[0-9]+(deg|rad)?$")'
    assert _changed(root, old, old.replace("deg|", "")) == ["tests/test_angle.py"]


def test_a_change_to_a_function_in_a_table_leaves_out_the_readers_of_the_table(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    old = "def parse(value):"
    assert _changed(root, old, "def parse(value, strict):") == []
