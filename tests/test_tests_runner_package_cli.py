"""``impactgraph tests`` in the repository of a package pytest itself runs on (pluggy,
iniconfig, pytest): its tests run under a pytest that imports this very copy, so a change to it
can break the collection of every test file, whatever each file calls (seen on pluggy 1.5.0:
``HookCaller.call_extra`` without its ``kwargs`` failed all eight test files, pytest's own
``pytest_generate_tests`` call among them; two of them never call it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import selected_reasons
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app


def sources(package: str) -> dict[str, str]:
    return {
        f"src/{package}/__init__.py": f"from {package}._hooks import HookCaller, varnames\n",
        f"src/{package}/_hooks.py": """
            def varnames(func):
                return func.__code__.co_varnames


            class HookCaller:
                def call_extra(self, methods, kwargs):
                    return [method(**kwargs) for method in methods]
        """,
        "testing/test_calls.py": f"""
            from {package} import HookCaller


            def test_call_extra():
                assert HookCaller().call_extra([lambda x: x], dict(x=1)) == [1]
        """,
        "testing/test_helpers.py": f"""
            from {package} import varnames


            def test_varnames():
                def f(a):
                    pass
                assert varnames(f) == ("a",)
        """,
    }


def without_kwargs(package: str) -> dict[str, str]:
    return {
        f"src/{package}/_hooks.py": """
            def varnames(func):
                return func.__code__.co_varnames


            class HookCaller:
                def call_extra(self, methods):
                    return [method() for method in methods]
        """,
    }


def test_a_change_to_a_package_pytest_runs_on_selects_every_test_file(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources("pluggy"), message="base", tag="base")
    commit(root, without_kwargs("pluggy"))
    reasons = selected_reasons(root)
    assert set(reasons) == {"testing/test_calls.py", "testing/test_helpers.py"}
    assert any("pytest" in reason for reason in reasons["testing/test_helpers.py"])
    result = CliRunner().invoke(app, ["tests", "--repo", str(root), "--base", "base",
                                      "--format", "json"])
    assert json.loads(result.stdout)["all"] is True


@pytest.mark.parametrize("package", ["plugz", "pytest_plugz"])
def test_a_package_pytest_does_not_import_selects_by_calls(tmp_path: Path, package: str) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(package), message="base", tag="base")
    commit(root, without_kwargs(package))
    assert set(selected_reasons(root)) == {"testing/test_calls.py"}
