"""``impactgraph tests`` selects only test files a plain ``pytest`` run collects (from the root,
or from a package's own folder with the configuration pytest takes there): ``testpaths``,
``norecursedirs``, ``python_files``, ``collect_ignore`` of conftest.py files, ``--ignore`` and
whole-file ``--deselect`` in ``addopts``; a configuration that cannot be read filters nothing
(fail open)."""

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


def test_collect_ignore_of_a_conftest_leaves_its_files_out(tmp_path: Path) -> None:
    config = {"conftest.py": 'collect_ignore = ["tests/samples"]\n'
                             'collect_ignore_glob = ["examples/*"]\n'}
    assert _selected(tmp_path, config) == ["tests/test_core.py"]


def test_addopts_ignore_and_whole_file_deselect_leave_files_out(tmp_path: Path) -> None:
    config = {"pytest.ini": "[pytest]\naddopts = --ignore=examples --deselect=tests/samples/\n"}
    assert _selected(tmp_path, config) == ["tests/test_core.py"]


def test_a_packages_own_configuration_decides_for_its_files(tmp_path: Path) -> None:
    """The root runs only its tests/ (testpaths); the package's own run (its folder, its
    python_files) collects check_*.py files there, which are test files of that package only."""
    root = init_repo(tmp_path / "repo")
    package = {
        "pyproject.toml": '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
        "tests/test_root.py": CALLER,
        "packages/geo/pyproject.toml": '[tool.pytest.ini_options]\n'
                                       'python_files = ["check_*.py"]\n',
        "packages/geo/tests/check_core.py": CALLER,
        "packages/geo/tests/test_not_collected.py": CALLER,
        "packages/other/setup.py": "",
        "packages/other/tests/test_other.py": CALLER,
        "check_top.py": CALLER,  # the root's python_files are pytest's defaults
    }
    commit(root, {**BASE, **package}, message="base", tag="base")
    changed = BASE["src/pkg/core.py"].replace("area(side)", "area(side, unit)")
    commit(root, {"src/pkg/core.py": changed})
    assert selected_tests(root) == [
        "packages/geo/tests/check_core.py", "packages/other/tests/test_other.py",
        "tests/samples/test_sample.py", "tests/test_core.py", "tests/test_root.py",
    ]
