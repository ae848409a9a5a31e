"""``impactgraph tests`` and a call that starts a program whose code is not known (a command: any
program at all) or is known to reach the change: the call counts as changed code, and the tests
that can reach the function making it are kept, by the same walk and fail-open rules as for a
change, not every test importing its module. python-dateutil 2.9.0's tests/_common.py holds a
Windows-only context manager running ``tzutil /g`` beside sentinels that test_relativedelta.py
imports alone: that test never starts a program.

What reaches the call: a chain of calls (``with`` runs ``__enter__``), code run at import time
(module level, or a function module code calls), a fixture for its requesters, a test method a
test class inherits, an unresolved call that may be the one reaching it; and a test file's own
code (pytest runs its tests and fixtures)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

LIBRARY = {
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": """
        def helper(value):
            return value


        def other():
            return 1
    """,
    "src/pkg/cli.py": """
        from pkg.core import helper

        if __name__ == "__main__":
            print(helper(1))
    """,
    "src/tool/__init__.py": """
        def unrelated():
            return 2
    """,
}

# a context manager that runs a command, beside a sentinel (dateutil's tests/_common.py)
COMMON = {
    "tests/_common.py": """
        import subprocess

        SENTINEL = object()


        class WinContext:
            def __enter__(self):
                subprocess.Popen(["tzutil", "/g"])
                return self

            def __exit__(self, *exc):
                return False
    """,
    "tests/test_sentinel.py": """
        from _common import SENTINEL
        from pkg.core import other


        def test_other():
            assert other() == 1 and SENTINEL is not None
    """,
    "tests/test_context.py": """
        from _common import WinContext
        from pkg.core import other


        def test_in_context():
            with WinContext():
                assert other() == 1
    """,
    "tests/test_unused.py": """
        from _common import WinContext
        from pkg.core import other


        def test_other():
            assert other() == 1 and WinContext is not None
    """,
    "tests/test_elsewhere.py": """
        from _common import WinContext
        from tool import unrelated


        def test_in_context():
            with WinContext():
                assert unrelated() == 2
    """,
}


def _selected(tmp_path: Path, tests: dict[str, str], path: str = "src/pkg/core.py",
              old: str = "return value", new: str = "return -value") -> dict[str, list[str]]:
    root = init_repo(tmp_path / "repo")
    files = {**LIBRARY, **tests}
    commit(root, files, message="base", tag="base")
    assert old in files[path]
    commit(root, {path: files[path].replace(old, new)})
    return selected_reasons(root)


def test_only_the_tests_reaching_the_call_are_kept(tmp_path: Path) -> None:
    reasons = _selected(tmp_path, COMMON)
    # test_sentinel and test_unused import the helper module and never enter the context;
    # test_elsewhere enters it, but imports no changed package (the rule for any program)
    assert sorted(reasons) == ["tests/test_context.py"]
    assert any("runs a program" in r and "_common:WinContext.__enter__" in r
               and "imports changed package pkg" in r
               for r in reasons["tests/test_context.py"])


def test_a_call_in_the_test_file_keeps_it(tmp_path: Path) -> None:
    tests = {**COMMON, "tests/test_own.py": """
        import subprocess

        from pkg.core import other


        def run_tool():
            subprocess.run(["tool"], check=False)


        def test_other():
            assert other() == 1
    """}
    # pytest runs a test file's own code (its tests, fixtures and what they call): a
    # function of it is as any affected one of a test file
    assert "tests/test_own.py" in _selected(tmp_path, tests)


def test_code_run_at_import_time_reaches_every_importer(tmp_path: Path) -> None:
    tests = {
        "tests/_boot.py": """
            import subprocess

            subprocess.run(["tool", "--init"], check=False)
            READY = True
        """,
        "tests/_prepare.py": """
            import subprocess


            def prepare():
                subprocess.run(["tool", "--prepare"], check=False)


            prepare()
            DONE = True
        """,
        "tests/test_boot.py": """
            from _boot import READY
            from pkg.core import other


            def test_boot():
                assert READY and other() == 1
        """,
        "tests/test_prepare.py": """
            from _prepare import DONE
            from pkg.core import other


            def test_prepare():
                assert DONE and other() == 1
        """,
        "tests/test_plain.py": """
            from pkg.core import other


            def test_plain():
                assert other() == 1
        """,
    }
    reasons = _selected(tmp_path, tests)
    assert sorted(reasons) == ["tests/test_boot.py", "tests/test_prepare.py"]


def test_a_fixture_reaches_the_tests_requesting_it(tmp_path: Path) -> None:
    tests = {
        "tests/conftest.py": """
            import subprocess

            import pytest


            @pytest.fixture
            def server():
                process = subprocess.Popen(["server"])
                yield process
                process.kill()
        """,
        "tests/test_server.py": """
            from pkg.core import other


            def test_server(server):
                assert server and other() == 1
        """,
        "tests/test_plain.py": """
            from pkg.core import other


            def test_plain():
                assert other() == 1
        """,
    }
    reasons = _selected(tmp_path, tests)
    assert sorted(reasons) == ["tests/test_server.py"]
    assert any("server" in r and "runs a program" in r for r in reasons["tests/test_server.py"])


def test_an_inherited_test_method_reaches_the_subclass_files(tmp_path: Path) -> None:
    tests = {
        "tests/cases.py": """
            import subprocess


            class ProgramCases:
                def test_runs(self):
                    subprocess.run(["prog"], check=True)
        """,
        "tests/test_inherits.py": """
            from cases import ProgramCases
            from pkg.core import other


            class TestProgram(ProgramCases):
                def test_other(self):
                    assert other() == 1
        """,
    }
    assert sorted(_selected(tmp_path, tests)) == ["tests/test_inherits.py"]


def test_an_unresolved_call_that_may_reach_the_call_keeps_the_test(tmp_path: Path) -> None:
    tests = {
        "tests/_tools.py": """
            import subprocess


            class Launcher:
                def launch(self):
                    subprocess.run(["prog"], check=True)
        """,
        "tests/test_loaded.py": """
            import pickle

            import _tools
            from pkg.core import other


            def test_loaded(data=b""):
                launcher = pickle.loads(data)
                launcher.launch()
                assert other() == 1 and _tools
        """,
        "tests/test_bounded.py": """
            import pickle

            import _tools
            from pkg.core import other


            def test_bounded(data=b""):
                value = pickle.loads(data)
                value.lower()
                assert other() == 1 and _tools
        """,
    }
    # pickle.loads(...).launch() may be Launcher.launch; .lower() is no name that reaches it
    assert sorted(_selected(tmp_path, tests)) == ["tests/test_loaded.py"]


LAUNCH = {
    "tests/launch.py": """
        import subprocess
        import sys


        def run_cli():
            return subprocess.run([sys.executable, "-m", "pkg.cli"], check=True)
    """,
    "tests/test_launch.py": """
        from launch import run_cli


        def test_cli():
            run_cli()
    """,
    "tests/test_launch_unused.py": """
        import launch
        from pkg.core import other


        def test_other():
            assert other() == 1 and launch is not None
    """,
}


def test_a_known_program_reaching_the_change_keeps_the_tests_reaching_its_call(
    tmp_path: Path,
) -> None:
    reasons = _selected(tmp_path, LAUNCH)
    # pkg.cli's main block calls helper: the program runs the change
    assert sorted(reasons) == ["tests/test_launch.py"]
    assert any("module pkg.cli" in r and "launch:run_cli" in r
               for r in reasons["tests/test_launch.py"])


def test_a_known_program_not_reaching_the_change_keeps_nothing(tmp_path: Path) -> None:
    reasons = _selected(tmp_path, LAUNCH, old="return 1", new="return 3")
    assert sorted(reasons) == ["tests/test_launch_unused.py"]
    assert not any("program" in r for r in reasons["tests/test_launch_unused.py"])


def test_a_setup_method_of_a_base_class_reaches_its_subclasses_tests(tmp_path: Path) -> None:
    tests = {
        "tests/base.py": """
            import subprocess
            import unittest


            class ServerCase(unittest.TestCase):
                def setUp(self):
                    self.server = subprocess.Popen(["server"])
        """,
        "tests/test_served.py": """
            from base import ServerCase
            from pkg.core import other


            class TestServed(ServerCase):
                def test_other(self):
                    assert other() == 1
        """,
    }
    # unittest runs setUp before each test of the subclass: no call of ours shows it
    assert sorted(_selected(tmp_path, tests)) == ["tests/test_served.py"]


def test_an_imported_setup_module_reaches_the_importing_tests(tmp_path: Path) -> None:
    tests = {
        "tests/helpers.py": """
            import subprocess


            def setup_module(module):
                subprocess.run(["prepare"], check=False)
        """,
        "tests/test_setup.py": """
            from helpers import setup_module
            from pkg.core import other


            def test_other():
                assert other() == 1
        """,
    }
    # pytest calls setup_module by name in the test module: no call of ours shows it
    assert sorted(_selected(tmp_path, tests)) == ["tests/test_setup.py"]
