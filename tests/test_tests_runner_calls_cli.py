"""``impactgraph tests`` in the repository of a package pytest calls while it starts, before
any test file is collected: pytest checks its ``minversion`` with ``packaging.version.Version``
(``Version(minversion) > Version(pytest.__version__)``) and its ``required_plugins`` with
``packaging.requirements.Requirement`` and ``SpecifierSet.contains``. In packaging's own
repository that is this very copy, so a change those calls reach breaks every test file (seen
on packaging 26.4: ``_STABLE_SUFFIX`` removed from version.py, ``_cmpkey`` raised NameError in
pytest's ``minversion`` check and all 35 test files failed; 32 were selected, test_elffile.py,
test_errors.py and test_licenses.py, which never compare versions, were missed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import selected_reasons
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

STABLE = "_STABLE = (3, 0)\n"


def sources(package: str) -> dict[str, str]:
    return {
        "pyproject.toml": '[tool.pytest.ini_options]\nminversion = "6.2"\n',
        f"src/{package}/__init__.py": "",
        f"src/{package}/version.py": f"""
            {STABLE}

            def _key(release, pre):
                if pre is None:
                    return release, _STABLE
                return release, pre


            class Version:
                def __init__(self, text):
                    self.release = tuple(int(p) for p in text.split("."))
                    self.pre = None

                def __gt__(self, other):
                    return _key(self.release, self.pre) > _key(other.release, other.pre)
        """,
        f"src/{package}/tags.py": """
            def _nodot(version):
                return "".join(map(str, version))


            def interpreter(version):
                return "cp" + _nodot(version)
        """,
        "tests/test_version.py": f"""
            from {package}.version import Version


            def test_order():
                assert Version("2.0") > Version("1.0")
        """,
        "tests/test_tags.py": f"""
            from {package}.tags import interpreter


            def test_interpreter():
                assert interpreter((3, 11)) == "cp311"
        """,
        "tests/test_errors.py": """
            def test_nothing_of_versions():
                assert ValueError("x").args == ("x",)
        """,
    }


def change(package: str, path: str, old: str, new: str) -> dict[str, str]:
    files = sources(package)
    text = files[f"src/{package}/{path}"]
    assert old in text
    return {f"src/{package}/{path}": text.replace(old, new)}


def test_a_change_pytests_version_check_reaches_selects_every_test_file(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources("packaging"), message="base", tag="base")
    commit(root, change("packaging", "version.py", STABLE, ""))
    reasons = selected_reasons(root)
    assert set(reasons) == {"tests/test_version.py", "tests/test_tags.py", "tests/test_errors.py"}
    assert any("pytest" in reason for reason in reasons["tests/test_errors.py"])
    result = CliRunner().invoke(app, ["tests", "--repo", str(root), "--base", "base",
                                      "--format", "json"])
    assert json.loads(result.stdout)["all"] is True


def test_a_change_pytests_calls_do_not_reach_selects_by_calls(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources("packaging"), message="base", tag="base")
    commit(root, change("packaging", "tags.py", '"".join', '"_".join'))
    assert set(selected_reasons(root)) == {"tests/test_tags.py"}


@pytest.mark.parametrize("package", ["packagingx", "vendor_packaging"])
def test_another_package_of_that_shape_selects_by_calls(tmp_path: Path, package: str) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(package), message="base", tag="base")
    commit(root, change(package, "version.py", STABLE, ""))
    assert set(selected_reasons(root)) == {"tests/test_version.py"}


# pytest 8.4 and later import pygments while they start (``_pytest/_io/terminalwriter.py``:
# ``pygments.formatters.terminal``, ``pygments.lexer``, ``pygments.lexers.diff``,
# ``pygments.lexers.python``): their module code runs before any test file is collected.
# Seen on Pygments 2.18.0 with pytest 9.2: ``using`` given a first parameter made
# ``PythonLexer``'s class body (``bygroups(Whitespace, using(this), Keyword)``) fail, pytest
# did not start, and every test file failed; 26 of its 35 were selected.
PYGMENTS = {
    "pygments/__init__.py": "",
    "pygments/lexer.py": """
        this = object()


        def using(_other, **kwargs):
            return (_other, kwargs)


        class RegexLexer:
            tokens = {}
    """,
    "pygments/lexers/__init__.py": "",
    "pygments/lexers/python.py": """
        from pygments.lexer import RegexLexer, this, using


        class PythonLexer(RegexLexer):
            tokens = {"root": [(r"x", using(this))]}
    """,
    "pygments/lexers/other.py": """
        from pygments.lexer import RegexLexer


        class OtherLexer(RegexLexer):
            tokens = {"root": []}
    """,
    "tests/test_python.py": """
        from pygments.lexers.python import PythonLexer


        def test_tokens():
            assert PythonLexer.tokens
    """,
    "tests/test_other.py": """
        from pygments.lexers.other import OtherLexer


        def test_other():
            assert OtherLexer.tokens == {"root": []}
    """,
}


def test_a_change_the_lexers_pytest_imports_reach_selects_every_test_file(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, PYGMENTS, message="base", tag="base")
    text = PYGMENTS["pygments/lexer.py"]
    changed = text.replace("def using(_other,", "def using(state, _other,")
    commit(root, {"pygments/lexer.py": changed})
    reasons = selected_reasons(root)
    assert set(reasons) == {"tests/test_python.py", "tests/test_other.py"}
    assert any("pytest" in reason for reason in reasons["tests/test_other.py"])
