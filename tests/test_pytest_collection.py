"""Where a plain ``pytest`` run from the root looks for test files: ``testpaths`` (globs,
falling back to the root when none matches) and ``norecursedirs`` (pytest's defaults unless
set; a name pattern or, with "/", a path pattern), read from the root's pytest configuration
as pytest reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from impactgraph.config import PYTEST_RUN, load_config, pytest_settings
from impactgraph.pytest_collection import (
    DEFAULT_PYTHON_FILES,
    OPEN,
    PYTEST_DEFAULT,
    Collection,
)

FILES = [
    "tests/test_a.py",
    "tests/unit/test_b.py",
    "tests/data/test_sample.py",
    "tests/.hidden/test_h.py",
    "build/lib/test_built.py",
    "examples/test_example.py",
    "pkg.egg/test_egg.py",
    "test_top.py",
]


def test_without_configuration_pytests_default_folders_are_skipped() -> None:
    assert PYTEST_DEFAULT.collected(FILES) == [
        "tests/test_a.py", "tests/unit/test_b.py", "tests/data/test_sample.py",
        "examples/test_example.py", "test_top.py",
    ]


def test_testpaths_limit_the_search_and_norecursedirs_replace_the_defaults() -> None:
    collection = Collection(testpaths=("tests",), norecursedirs=("data",))
    assert collection.collected(FILES) == [
        "tests/test_a.py", "tests/unit/test_b.py", "tests/.hidden/test_h.py",
    ]


@pytest.mark.parametrize(
    ("testpaths", "expected"),
    [
        (("tests/unit", "examples"), ["tests/unit/test_b.py", "examples/test_example.py"]),
        (("tests/*",), ["tests/test_a.py", "tests/unit/test_b.py", "tests/data/test_sample.py"]),
        (("**/unit",), ["tests/unit/test_b.py"]),
        (("./examples/",), ["examples/test_example.py"]),
        (("test_top.py",), ["test_top.py"]),
    ],
)
def test_testpaths_are_globs_relative_to_the_root(
    testpaths: tuple[str, ...], expected: list[str]
) -> None:
    assert Collection(testpaths=testpaths).collected(FILES) == expected


def test_testpaths_that_match_nothing_search_the_root() -> None:
    assert Collection(testpaths=("missing",)).collected(FILES) == PYTEST_DEFAULT.collected(FILES)


def test_a_testpaths_folder_is_searched_even_when_a_norecursedirs_pattern_matches_it() -> None:
    collection = Collection(testpaths=("build",))
    assert collection.collected(FILES) == ["build/lib/test_built.py"]


def test_a_norecursedirs_pattern_with_a_slash_matches_the_path() -> None:
    collection = Collection(norecursedirs=("tests/data",))
    assert "tests/data/test_sample.py" not in collection.collected(FILES)
    assert "tests/unit/test_b.py" in collection.collected(FILES)


def test_open_collects_everything() -> None:
    assert OPEN.collected(FILES) == FILES


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pytest.ini", "[pytest]\ntestpaths = tests\nnorecursedirs = data .*\n"),
        (".pytest.ini", "[pytest]\ntestpaths = tests\nnorecursedirs = data .*\n"),
        ("pytest.toml", '[pytest]\ntestpaths = ["tests"]\nnorecursedirs = ["data", ".*"]\n'),
        ("pyproject.toml",
         '[tool.pytest.ini_options]\ntestpaths = ["tests"]\nnorecursedirs = "data .*"\n'),
        ("pyproject.toml",
         '[tool.pytest]\ntestpaths = ["tests"]\nnorecursedirs = ["data", ".*"]\n'),
        ("tox.ini", "[pytest]\ntestpaths =\n    tests\nnorecursedirs = data .*\n"),
        ("setup.cfg", "[tool:pytest]\ntestpaths = tests\nnorecursedirs = data .*\n"),
    ],
)
def test_every_pytest_configuration_file_is_read(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    assert load_config(tmp_path).collection.root == Collection(
        ("tests",), ("data", ".*"), python_files=DEFAULT_PYTHON_FILES)


def test_the_first_file_with_a_pytest_section_wins(tmp_path: Path) -> None:
    (tmp_path / "tox.ini").write_text("[tox]\nenvlist = py3\n")  # no [pytest]: passed over
    (tmp_path / "setup.cfg").write_text("[tool:pytest]\ntestpaths = src\n")
    (tmp_path / "pytest.ini").write_text("# empty: still pytest's configuration\n")
    assert pytest_settings(tmp_path).collection == PYTEST_RUN


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("tox.ini", "[pytest]\ntestpaths = tests\n[pytest]\ntestpaths = other\n"),
        ("pytest.ini", '[pytest]\ntestpaths = "tests\n'),
        ("pytest.toml", "[pytest]\ntestpaths = 3\n"),
        ("pytest.toml", "[pytest\n"),
    ],
)
def test_a_configuration_that_cannot_be_read_filters_nothing(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text)
    assert pytest_settings(tmp_path).collection.root == OPEN
