"""``impactgraph tests`` selects test files whose names are not Python identifiers
(``tests/test_max-min.py``): no ``import`` statement can name them, but pytest collects them
all the same (it imports a test file by its path), so they are test files like any other."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

# shaped like semver 3.0.2: tests/test_max-min.py, tests/test_pysemver-cli.py
BASE = {
    "src/versions/__init__.py": """
        def biggest(a, b):
            return max(a, b)


        def smallest(a, b):
            return min(a, b)
    """,
    "tests/__init__.py": "",
    "tests/test_max-min.py": """
        from versions import biggest


        def test_biggest():
            assert biggest(1, 2) == 2
    """,
    "tests/test_smallest.py": """
        from versions import smallest


        def test_smallest():
            assert smallest(1, 2) == 1
    """,
    "tests/conftest.py": """
        import pytest


        @pytest.fixture(autouse=True)
        def pair():
            return (1, 2)
    """,
}


@pytest.mark.parametrize("tests_package", [True, False])
def test_a_change_a_hyphenated_test_file_calls(tmp_path: Path, tests_package: bool) -> None:
    root = init_repo(tmp_path / "repo")
    files = BASE if tests_package else {k: v for k, v in BASE.items()
                                        if k != "tests/__init__.py"}
    commit(root, files, message="base", tag="base")
    source = files["src/versions/__init__.py"]
    commit(root, {"src/versions/__init__.py": source.replace("def biggest(a, b)",
                                                             "def biggest(a, b, c)")})
    assert selected_tests(root) == ["tests/test_max-min.py"]


def test_a_conftest_change_reaches_a_hyphenated_test_file(tmp_path: Path) -> None:
    """An autouse fixture runs for every test file in its folder (semver's add_semver)."""
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"tests/conftest.py": BASE["tests/conftest.py"].replace("(1, 2)", "(2, 1)")})
    assert selected_tests(root) == ["tests/test_max-min.py", "tests/test_smallest.py"]


def test_a_hyphenated_file_outside_the_test_patterns_is_still_left_out(tmp_path: Path) -> None:
    """Only test files: ``scripts/make-release.py`` is no module anything imports."""
    root = init_repo(tmp_path / "repo")
    files = {**BASE, "scripts/make-release.py": """
        from versions import biggest

        print(biggest(1, 2))
    """}
    commit(root, files, message="base", tag="base")
    source = files["src/versions/__init__.py"]
    commit(root, {"src/versions/__init__.py": source.replace("def biggest(a, b)",
                                                             "def biggest(a, b, c)")})
    assert selected_tests(root) == ["tests/test_max-min.py"]
