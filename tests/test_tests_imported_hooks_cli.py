"""``impactgraph tests`` and a module-level setup function a test module imports from a helper:
pytest calls ``setup_module`` (and its xunit kin) by name in the test module, wherever it was
defined, so a test module importing an affected one is selected though none of its calls
reaches it."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

BASE = {
    "src/lib/__init__.py": """
        def prepare():
            return 1


        def other():
            return 2
    """,
    "tests/helpers.py": """
        from lib import prepare


        def setup_module(module):
            module.VALUE = prepare()


        def prepared():
            return prepare()
    """,
    "tests/test_setup.py": """
        from helpers import setup_module
        from lib import other


        def test_other():
            assert other() == 2
    """,
    "tests/test_helper_unused.py": """
        from helpers import prepared
        from lib import other


        def test_other():
            assert other() == 2
    """,
}


def test_an_imported_setup_module_runs_for_the_importing_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/lib/__init__.py"]
    commit(root, {"src/lib/__init__.py": source.replace("return 1", "return 3")})
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_setup.py"]
    assert any("helpers:setup_module" in r for r in reasons["tests/test_setup.py"])
