"""``impactgraph tests`` keeps a test that runs a program (``subprocess``, ``os.system``, ...)
when it imports a package the change is in: the program may be Python running that package's
code from a string (click 8.1.7's tests/test_imports.py feeds ``import click ...
click.echo(...)`` to ``sys.executable``), where no call of ours can be seen."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": "from pkg.core import helper\nfrom pkg.other import unrelated\n",
    "src/pkg/core.py": """
        def helper(value):
            return value
    """,
    "src/pkg/other.py": """
        def unrelated():
            return 1
    """,
    "src/tool/__init__.py": "",
    "tests/test_subprocess.py": """
        import subprocess
        import sys

        from pkg.other import unrelated

        CODE = "import pkg; pkg.helper(1)"


        def test_runs_the_package_in_another_interpreter():
            subprocess.run([sys.executable, "-c", CODE], check=True)
            assert unrelated() == 1
    """,
    "tests/test_elsewhere.py": """
        import subprocess
        import sys

        import tool


        def test_runs_another_package():
            assert tool is not None
            subprocess.run([sys.executable, "-c", "import tool"], check=True)
    """,
    "tests/test_plain.py": """
        from pkg.other import unrelated


        def test_unrelated():
            assert unrelated() == 1
    """,
}


def test_a_test_running_a_program_is_kept_when_it_imports_the_changed_package(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/core.py"].replace("(value)", "(value, strict)")
    commit(root, {"src/pkg/core.py": changed})
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_subprocess.py"]
    # its program is known (``python -c CODE``): CODE calls pkg.helper
    assert any("subprocess.run" in r for r in reasons["tests/test_subprocess.py"])
