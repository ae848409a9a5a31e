"""``impactgraph tests`` selects only test files a plain ``pytest`` run from the root collects:
the root's pytest configuration's ``testpaths`` and ``norecursedirs`` (pytest's defaults
without one) are honoured, as ``python_files`` is; a configuration that cannot be read filters
nothing (fail open)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

CALLER = """
    from pkg.core import area


    def test_area():
        assert area(2) == 4
"""

BASE = {
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": """
        def area(side):
            return side * side
    """,
    "tests/test_core.py": CALLER,
    "tests/samples/test_sample.py": CALLER,  # input data for a test, not collected
    "examples/test_example.py": CALLER,  # outside testpaths
    ".ci/test_ci.py": CALLER,  # pytest's default norecursedirs: ".*"
}


def _selected(tmp_path: Path, config: dict[str, str]) -> list[str]:
    root = init_repo(tmp_path / "repo")
    commit(root, {**BASE, **config}, message="base", tag="base")
    changed = BASE["src/pkg/core.py"].replace("area(side)", "area(side, unit)")
    commit(root, {"src/pkg/core.py": changed})
    return selected_tests(root)


@pytest.mark.parametrize(
    "config",
    [
        {"pytest.ini": "[pytest]\ntestpaths = tests\nnorecursedirs = samples .*\n"},
        {"pyproject.toml": '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'
                           'norecursedirs = ["samples", ".*"]\n'},
        {"setup.cfg": "[tool:pytest]\ntestpaths =\n    tests\nnorecursedirs = samples\n"},
    ],
)
def test_testpaths_and_norecursedirs_leave_uncollected_files_out(
    tmp_path: Path, config: dict[str, str]
) -> None:
    assert _selected(tmp_path, config) == ["tests/test_core.py"]


def test_without_configuration_pytests_default_norecursedirs_apply(tmp_path: Path) -> None:
    assert _selected(tmp_path, {}) == [
        "examples/test_example.py", "tests/samples/test_sample.py", "tests/test_core.py",
    ]


def test_a_configuration_that_cannot_be_read_filters_nothing(tmp_path: Path) -> None:
    config = {"tox.ini": '[pytest]\ntestpaths = "tests\nnorecursedirs = samples\n'}
    assert _selected(tmp_path, config) == [
        ".ci/test_ci.py", "examples/test_example.py", "tests/samples/test_sample.py",
        "tests/test_core.py",
    ]
