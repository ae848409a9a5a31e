"""``impactgraph tests`` keeps a test that starts a program and imports no library code of the
code base (tabulate's test/test_cli.py runs ``[sys.executable, "tabulate/__init__.py"]`` and
imports only its folder's ``common`` helpers): it can only exercise the library by running it,
and which of it runs is out of sight (a path or ``-m`` in a string), so any library change may
fail it. A test that imports a library package through a helper of its own folder is kept when
that package changes."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "tables/__init__.py": """
        import sys


        def render(rows):
            return "\\n".join(rows)


        def html(rows):
            return "<br>".join(rows)


        def _main():
            print(render(sys.stdin.read().split()))


        if __name__ == "__main__":
            _main()
    """,
    "other/__init__.py": """
        def unrelated():
            return 1
    """,
    "test/common.py": """
        def assert_equal(a, b):
            assert a == b
    """,
    "test/launch.py": """
        import subprocess
        import sys

        import tables


        def run_module(*args):
            return subprocess.run([sys.executable, "-m", tables.__name__, *args], check=True)
    """,
    "test/test_cli.py": """
        import subprocess
        import sys

        from common import assert_equal


        def run(cmd, text):
            done = subprocess.run(cmd, input=text.encode(), capture_output=True, check=True)
            return done.stdout.decode()


        def test_cli():
            assert_equal(run([sys.executable, "tables/__init__.py"], "a b"), "a\\nb\\n")
    """,
    "test/test_launch.py": """
        import subprocess

        from launch import run_module


        def test_launch():
            assert subprocess is not None
            run_module()
    """,
    "test/test_api.py": """
        from tables import html, render


        def test_render():
            assert render(["a"]) == "a"
            assert html(["a"]) == "a"
    """,
    "test/test_other.py": """
        import subprocess
        import sys

        from other import unrelated


        def test_other():
            assert unrelated() == 1
            subprocess.run([sys.executable, "-c", "import other"], check=True)
    """,
    "test/test_plain.py": """
        from common import assert_equal


        def test_plain():
            assert_equal(1, 1)
    """,
}


def test_a_program_run_by_a_test_importing_no_library_code_may_be_any(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["tables/__init__.py"]
    commit(root, {"tables/__init__.py": source.replace("join(rows)", "join(sorted(rows))")})
    assert selected_tests(root) == ["test/test_api.py", "test/test_cli.py", "test/test_launch.py"]


def test_a_known_program_runs_only_what_its_main_block_reaches(tmp_path: Path) -> None:
    # test_cli's helper run(cmd) is called only in its file, each time with
    # [sys.executable, "tables/__init__.py"]: tables' main block never calls html()
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["tables/__init__.py"]
    commit(root, {"tables/__init__.py": source.replace('"<br>"', '"<br/>"')})
    assert selected_tests(root) == ["test/test_api.py", "test/test_launch.py"]


def test_a_helper_called_from_another_file_runs_any_program(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {**BASE, "test/test_more.py": """
        import sys

        from test_cli import run


        def test_more():
            assert run([sys.executable, "-m", "other"], "")
    """}
    commit(root, files, message="base", tag="base")
    source = BASE["tables/__init__.py"]
    commit(root, {"tables/__init__.py": source.replace('"<br>"', '"<br/>"')})
    assert "test/test_cli.py" in selected_tests(root)
