"""``impactgraph tests`` when a ``conftest.py`` loads a plugin module by ``pytest_plugins``
(a workspace: every package installed, a shared testing package, no ``pythonpath``).

pytest imports such a module as it imports the conftest that lists it: its module code runs at
start-up, its hooks (``pytest_configure``, ``pytest_collection_modifyitems``, ...) for every
test, its fixtures are there for the tests under the conftest's folder. A change to it, or one
that reaches its code, must select what a change to that conftest would select.
"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

CORE = "packages/core/src/core/text.py"
PLUGIN = "packages/testing/src/shared_testing/plugin.py"

BASE = {
    "pyproject.toml": '[tool.uv.workspace]\nmembers = ["packages/*"]\n',
    "conftest.py": 'pytest_plugins = ["shared_testing.plugin"]\n',
    "packages/core/pyproject.toml": '[project]\nname = "core"\n\n'
                                    '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    "packages/core/src/core/__init__.py": "",
    CORE: """
        def shout(word):
            return word.upper()


        def whisper(word):
            return word.lower()
    """,
    "packages/core/tests/test_text.py": """
        from core.text import whisper


        def test_whisper():
            assert whisper("A") == "a"
    """,
    "packages/web/pyproject.toml": '[project]\nname = "web"\n\n'
                                   '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    "packages/web/src/web/__init__.py": "",
    "packages/web/src/web/pages.py": """
        def title(word):
            return word.title()
    """,
    "packages/web/tests/test_pages.py": """
        from web.pages import title


        def test_title():
            assert title("a") == "A"
    """,
    "packages/web/tests/test_banner.py": """
        def test_banner(banner):
            assert banner
    """,
    "packages/testing/pyproject.toml": '[project]\nname = "shared-testing"\n',
    "packages/testing/src/shared_testing/__init__.py": "",
    PLUGIN: """
        import pytest

        from core.text import shout

        LEVEL = 3


        def pytest_configure(config):
            config.addinivalue_line("markers", "slow: a slow test")


        @pytest.fixture
        def banner():
            return "banner"
    """,
}
EVERY_TEST = ["packages/core/tests/test_text.py", "packages/web/tests/test_banner.py",
              "packages/web/tests/test_pages.py"]


def workspace(tmp_path: Path, files: dict[str, str] = BASE) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, files, tag="base")
    return root


def test_a_changed_hook_of_a_root_plugin_selects_every_test(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    commit(root, {PLUGIN: BASE[PLUGIN].replace('"slow: a slow test"', '"slow: slow"')})
    assert selected_tests(root) == EVERY_TEST


def test_changed_module_code_of_a_root_plugin_selects_every_test(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    commit(root, {PLUGIN: BASE[PLUGIN].replace("LEVEL = 3", "LEVEL = 4")})
    assert selected_tests(root) == EVERY_TEST


def test_a_change_that_breaks_the_plugins_import_selects_every_test(tmp_path: Path) -> None:
    """The plugin imports ``shout`` from another package at start-up: removing it stops pytest
    from starting, whichever tests it is given."""
    root = workspace(tmp_path)
    commit(root, {CORE: BASE[CORE].replace("def shout(word):", "def _shout(word):")})
    assert selected_tests(root) == EVERY_TEST


def test_a_changed_fixture_of_a_plugin_selects_its_requesters(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    commit(root, {PLUGIN: BASE[PLUGIN].replace('return "banner"', 'return ""')})
    assert selected_tests(root) == ["packages/web/tests/test_banner.py"]


def test_a_plugin_listed_by_a_package_conftest_reaches_that_package(tmp_path: Path) -> None:
    files = {**BASE, "conftest.py": "",
             "packages/web/tests/conftest.py": 'pytest_plugins = ["shared_testing.plugin"]\n'}
    root = workspace(tmp_path, files)
    commit(root, {PLUGIN: BASE[PLUGIN].replace("LEVEL = 3", "LEVEL = 4")})
    assert selected_tests(root) == ["packages/web/tests/test_banner.py",
                                    "packages/web/tests/test_pages.py"]
