"""``impactgraph tests`` after a function is removed that only the head-only rules lead to:
a base test class's ``setup_method`` (``_inherited``), a ``setup_module`` a test module
imports from a helper (``_imported_hooks``) and a program a test starts
(``_programs``) call it. Those rules read the head graph, where the removed function's
callers no longer link; they find the tests through ``reached``, which holds the callers
the base graph has. Each expected selection is the file pytest fails at the head (checked by
hand), and a test calling something else is left out."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src", "."]
        testpaths = ["tests"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/lib.py": """
        def helper():
            return 1


        def keep():
            return 2
    """,
    "src/pkg/testing.py": """
        from pkg import lib


        def setup_module(module):
            lib.helper()
    """,
    "src/pkg/cli.py": """
        from pkg import lib


        def main():
            print(lib.helper())


        if __name__ == "__main__":
            main()
    """,
    "tests/__init__.py": "",
    "tests/base.py": """
        from pkg import lib


        class Base:
            def setup_method(self, method):
                self.x = lib.helper()
    """,
    "tests/test_inherits.py": """
        from tests.base import Base


        class TestA(Base):
            def test_x(self):
                assert self.x == 1
    """,
    "tests/test_hooked.py": """
        from pkg.testing import setup_module


        def test_c():
            assert True
    """,
    "tests/test_program.py": """
        import os
        import subprocess
        import sys


        def test_cli():
            env = dict(os.environ, PYTHONPATH="src")
            subprocess.run([sys.executable, "-m", "pkg.cli"], check=True, env=env)
    """,
    "tests/test_keep.py": """
        from pkg.lib import keep


        def test_keep():
            assert keep() == 2
    """,
}


def test_a_function_gone_selects_what_the_head_only_rules_lead_to(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lib = BASE["src/pkg/lib.py"].replace("def helper():", "def helper_renamed():")
    commit(root, {"src/pkg/lib.py": lib})
    assert selected_tests(root) == [
        "tests/test_hooked.py", "tests/test_inherits.py", "tests/test_program.py"]
