"""``impactgraph tests`` in a monorepo whose packages share one PEP 420 namespace (``acme``, no
``acme/__init__.py``) in flat layouts: ``packages/core/acme/core`` and ``packages/web/acme/web``
are ``acme.core`` and ``acme.web``, found through pytest's ``pythonpath`` or, installed, through
the namespace folder they share; a root ``conftest.py`` imports from the namespace."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

CORE = "packages/core/acme/core/text.py"

BASE = {
    "packages/core/acme/core/__init__.py": "",
    CORE: """
        def shout(word):
            return word.upper()


        def whisper(word):
            return word.lower()
    """,
    "packages/web/acme/web/__init__.py": "",
    "packages/web/acme/web/pages.py": """
        from acme.core.text import shout


        def title(word):
            return shout(word)
    """,
    # the same test file name in both packages
    "packages/core/tests/test_utils.py": """
        from acme.core.text import whisper


        def test_whisper():
            assert whisper("A") == "a"
    """,
    "packages/web/tests/test_utils.py": """
        from acme.web.pages import title


        def test_title():
            assert title("a") == "A"
    """,
    "packages/web/tests/test_plain.py": """
        def test_nothing():
            assert True
    """,
}
PYTEST_INI = ("pytest.ini", "[pytest]\npythonpath = packages/core packages/web\n"
                            "addopts = --import-mode=importlib\n")


def monorepo(tmp_path: Path, files: dict[str, str]) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, files, tag="base")
    return root


@pytest.mark.parametrize("config", [{}, dict([PYTEST_INI])], ids=["installed", "pythonpath"])
def test_a_package_reaches_another_through_the_namespace(tmp_path: Path,
                                                         config: dict[str, str]) -> None:
    root = monorepo(tmp_path, BASE | config)
    commit(root, {CORE: BASE[CORE].replace("def shout(word):", "def shout(word, loud):")})
    assert selected_tests(root) == ["packages/web/tests/test_utils.py"]


def test_pythonpath_names_a_lone_namespace_package(tmp_path: Path) -> None:
    """One package in the namespace: nothing but pytest's ``pythonpath`` says that
    ``packages/core`` (not ``packages/core/acme``) is where Python imports it from."""
    files = {path: text for path, text in BASE.items() if "/web/" not in path}
    files["packages/app/app.py"] = """
        from acme.core.text import shout


        def main():
            return shout("x")
    """
    files["packages/app/tests/test_app.py"] = """
        from app import main


        def test_main():
            assert main() == "X"
    """
    root = monorepo(tmp_path, files | {"pytest.ini": "[pytest]\npythonpath = packages/core "
                                                     "packages/app\n"})
    commit(root, {CORE: BASE[CORE].replace("def shout(word):", "def shout(word, loud):")})
    assert selected_tests(root) == ["packages/app/tests/test_app.py"]


@pytest.mark.parametrize("project", ["pyproject.toml", "setup.cfg", "setup.py"])
def test_a_project_file_names_a_lone_namespace_package(tmp_path: Path, project: str) -> None:
    """Installed (no ``pythonpath``): the flat layout's project folder is where Python imports
    ``acme.core`` from."""
    files = {path: text for path, text in BASE.items() if "/web/" not in path}
    files[f"packages/core/{project}"] = "[project]\nname = 'acme-core'\n" if (
        project == "pyproject.toml") else "" if project == "setup.py" else "[metadata]\n"
    files["packages/app/app.py"] = """
        from acme.core.text import shout


        def main():
            return shout("x")
    """
    files["packages/app/tests/test_app.py"] = """
        from app import main


        def test_main():
            assert main() == "X"
    """
    root = monorepo(tmp_path, files)
    commit(root, {CORE: BASE[CORE].replace("def shout(word):", "def shout(word, loud):")})
    assert selected_tests(root) == ["packages/app/tests/test_app.py"]


def test_a_root_conftest_that_imports_from_the_namespace_reaches_every_test(
        tmp_path: Path) -> None:
    root = monorepo(tmp_path, BASE | dict([PYTEST_INI]) | {"conftest.py": """
        from acme.core.text import whisper

        QUIET = whisper("X")
    """})
    commit(root, {CORE: BASE[CORE].replace("def whisper(word):", "def whisper(word, how):")})
    assert selected_tests(root) == ["packages/core/tests/test_utils.py",
                                    "packages/web/tests/test_plain.py",
                                    "packages/web/tests/test_utils.py"]


@pytest.mark.parametrize("where", ["conftest", "plugin"])
def test_a_fixture_of_the_root_reaches_the_tests_of_every_package(tmp_path: Path,
                                                                  where: str) -> None:
    """A fixture in the root ``conftest.py``, or in a plugin package of the namespace that it
    names in ``pytest_plugins``, hands out an object of another package."""
    fixture = """
        import pytest

        from acme.core.text import Speaker


        @pytest.fixture
        def speaker():
            return Speaker()
    """
    files = BASE | dict([PYTEST_INI]) | {
        CORE: BASE[CORE] + """


        class Speaker:
            def say(self, word):
                return word
    """,
        "packages/web/tests/test_plain.py": """
            def test_speaker(speaker):
                assert speaker.say("a") == "a"
        """,
    }
    if where == "conftest":
        files["conftest.py"] = fixture
    else:
        files["conftest.py"] = 'pytest_plugins = ["acme.testing.fixtures"]\n'
        files["packages/testing/acme/testing/__init__.py"] = ""
        files["packages/testing/acme/testing/fixtures.py"] = fixture
    root = monorepo(tmp_path, files)
    commit(root, {CORE: files[CORE].replace("def say(self, word):", "def say(self, word, how):")})
    assert selected_tests(root) == ["packages/web/tests/test_plain.py"]


def test_an_unresolved_call_into_another_package_of_the_namespace_keeps_its_tests(
        tmp_path: Path) -> None:
    """The cross-package rule of ``test_tests_monorepo_cli`` when both packages are in one
    namespace: ``acme.web`` imports ``acme.tmpl``, another package (the namespace ``acme`` is
    no package of its own), and a change there keeps the tests that reach the unresolved
    call; a third package that imports only itself keeps none."""
    files = {
        "packages/tmpl/src/acme/tmpl/__init__.py": """
            from acme.tmpl.parser import parse


            class Environment:
                def from_string(self, source):
                    return parse(source)
        """,
        "packages/tmpl/src/acme/tmpl/parser.py": """
            def parse(source, strict=True):
                return source.strip()
        """,
        "packages/web/src/acme/web/__init__.py": """
            import threading

            from acme.tmpl import Environment

            local = threading.local()


            def render(source):
                app = local.current
                return app.env.from_string(source)
        """,
        "packages/jobs/src/acme/jobs/__init__.py": """
            import threading

            from acme.jobs.queue import Queue

            local = threading.local()


            def run(source):
                app = local.current
                return app.env.from_string(source)
        """,
        "packages/jobs/src/acme/jobs/queue.py": """
            class Queue:
                pass
        """,
        "packages/web/tests/test_render.py": """
            from acme.web import render


            def test_render():
                assert render(" x ") == "x"
        """,
        "packages/jobs/tests/test_run.py": """
            from acme.jobs import run


            def test_run():
                assert run(" x ") == "x"
        """,
    }
    root = monorepo(tmp_path, files)
    parser = "packages/tmpl/src/acme/tmpl/parser.py"
    commit(root, {parser: files[parser].replace(", strict=True", "")})
    assert selected_tests(root) == ["packages/web/tests/test_render.py"]
