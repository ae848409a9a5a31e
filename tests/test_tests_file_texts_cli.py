"""A test that reads or runs a source file's text depends on that text, which no call or import
edge records: ``runpy.run_path("src/pkg/conf.py")``, ``exec`` of what ``open(...).read()`` gives,
``ast.parse`` of a file, ``inspect.getsource(api)``, ``runpy.run_module("pkg.conf")``. Any edit
of the file (a module-level variable, a comment) can change what it sees. Before, a changed
variable or comment selected none of them (unsafe). Checked against pytest: each change below
fails every test file asserted selected except ``test_ast.py`` for a comment (it reads the
names only), and no file asserted left out."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons, selected_tests
from git_support import edited_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src", "."]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/conf.py": """
        VALUE = 1
    """,
    "src/pkg/other.py": """
        X = 1
    """,
    "src/pkg/api.py": """
        def a():
            return 1
    """,
    "tests/__init__.py": "",
    "tests/helpers.py": """
        import inspect


        def source_of(obj):
            return inspect.getsource(obj)
    """,
    "tests/conftest.py": """
        import runpy

        import pytest


        @pytest.fixture
        def conf():
            return runpy.run_path("src/pkg/conf.py")
    """,
    "tests/test_runpy.py": """
        import runpy


        def test_value():
            assert runpy.run_path("src/pkg/conf.py")["VALUE"] == 1
    """,
    "tests/test_run_module.py": """
        import runpy


        def test_value():
            assert runpy.run_module("pkg.conf")["VALUE"] == 1
    """,
    "tests/test_exec.py": """
        from pathlib import Path


        def test_value():
            namespace = {}
            exec(Path("src/pkg/conf.py").read_text(), namespace)
            assert namespace["VALUE"] == 1
    """,
    "tests/test_exec_join.py": """
        import os

        HERE = os.path.dirname(os.path.abspath(__file__))


        def test_value():
            namespace = {}
            with open(os.path.join(HERE, "..", "src", "pkg", "conf.py")) as file:
                exec(compile(file.read(), "conf.py", "exec"), namespace)
            assert namespace["VALUE"] == 1
    """,
    "tests/test_fixture.py": """
        def test_value(conf):
            assert conf["VALUE"] == 1
    """,
    "tests/test_ast.py": """
        import ast
        from pathlib import Path


        def test_names():
            tree = ast.parse((Path(__file__).parent.parent / "src/pkg/api.py").read_text())
            assert [node.name for node in tree.body] == ["a"]
    """,
    "tests/test_getsource.py": """
        import inspect

        from pkg import api


        def test_module():
            assert "#" not in inspect.getsource(api)


        def test_function():
            assert inspect.getsource(api.a).count("\\n") == 2
    """,
    "tests/test_helper.py": """
        from pkg import api
        from tests.helpers import source_of


        def test_function():
            assert source_of(api.a).count("\\n") == 2
    """,
    # counter-cases: a file named that does not change, the source of another module, a call
    "tests/test_other_named.py": """
        import runpy


        def test_other():
            assert runpy.run_path("src/pkg/other.py")["X"] == 1
    """,
    "tests/test_other_source.py": """
        from pkg import other
        from tests.helpers import source_of


        def test_other():
            assert "X = 1" in source_of(other)
    """,
    "tests/test_calls.py": """
        from pkg.api import a


        def test_a():
            assert a() == 1
    """,
}

CONF_READERS = ["tests/test_exec.py", "tests/test_exec_join.py", "tests/test_fixture.py",
                "tests/test_run_module.py", "tests/test_runpy.py"]


def _repo(tmp_path: Path, path: str, old: str, new: str) -> Path:
    return edited_repo(tmp_path / "repo", BASE, path, old, new)


def test_a_variable_of_a_file_read_or_run_by_its_path_selects_its_readers(tmp_path: Path
                                                                           ) -> None:
    root = _repo(tmp_path, "src/pkg/conf.py", "VALUE = 1", "VALUE = 2")
    assert selected_tests(root) == CONF_READERS


def test_a_comment_selects_what_reads_the_source_and_nothing_calling_it(tmp_path: Path
                                                                         ) -> None:
    root = _repo(tmp_path, "src/pkg/api.py", "    return 1", "    # one\n            return 1")
    assert selected_tests(root) == ["tests/test_ast.py", "tests/test_getsource.py",
                                    "tests/test_helper.py"]


def test_the_reasons_name_the_file_and_the_code_reading_it(tmp_path: Path) -> None:
    root = _repo(tmp_path, "src/pkg/api.py", "    return 1", "    # one\n            return 1")
    reasons = selected_reasons(root)
    assert reasons["tests/test_ast.py"] == [
        "names src/pkg/api.py (in tests.test_ast:test_names), whose text changed"]
    assert reasons["tests/test_helper.py"] == [
        "reads the source of pkg.api (inspect.getsource in tests.helpers:source_of, called by "
        "tests.test_helper:test_function), whose text changed"]
