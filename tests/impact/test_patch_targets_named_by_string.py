"""A test double put in place of an attribute named by a dotted string
(``monkeypatch.setattr("pkg.shell.Bash.check", value)``, ``mock.patch("pkg.shell.helper")``,
``mocker.patch(...)``) needs the attribute to exist, as the object form
``monkeypatch.setattr(shell.Bash, "check", value)`` does: the string names what is replaced,
not a function some loader will call with arguments we cannot see. (click 8.1.7 made
``BashComplete._check_version`` a ``staticmethod``; its test suite's fixture replacing it by
``"click.shell_completion.BashComplete._check_version"`` was judged broken.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

SHELL = """
class Bash:
    def check(self):
        return True

    def source(self):
        self.check()
        return "x"


def helper(a):
    return a
"""
SHELL_STATIC = SHELL.replace("    def check(self):", "    @staticmethod\n    def check():")
SHELL_PARAMETER = SHELL.replace("def helper(a):", "def helper(a, b):")
SHELL_REMOVED = SHELL.replace("def helper(a):\n    return a\n", "")

MONKEYPATCH = """
import pytest
from pkg.shell import Bash


@pytest.fixture()
def _patch(monkeypatch):
    monkeypatch.setattr("pkg.shell.Bash.check", lambda self: True)


@pytest.mark.usefixtures("_patch")
def test_source():
    assert Bash().source() == "x"
"""
MOCK_PATCH = """
from unittest import mock

from pkg.shell import Bash


@mock.patch("pkg.shell.helper")
def test_source(helper):
    assert Bash().source() == "x"
"""
MOCKER = """
from pkg.shell import Bash


def test_source(mocker):
    mocker.patch("pkg.shell.helper", return_value=3)
    assert Bash().source() == "x"
"""
MONKEYPATCH_HELPER = """
def test_helper(monkeypatch):
    monkeypatch.setattr("pkg.shell.helper", lambda *args: 0)
"""


def _broken(tmp_path: Path, test: str, shell_now: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/shell.py": SHELL, "tests/test_shell.py": test}
    return broken_modules(impact_between(base, {**base, "pkg/shell.py": shell_now}, tmp_path))


@pytest.mark.parametrize(("test", "shell_now"), [
    (MONKEYPATCH, SHELL_STATIC),
    (MOCK_PATCH, SHELL_PARAMETER),
    (MOCKER, SHELL_PARAMETER),
    (MONKEYPATCH_HELPER, SHELL_PARAMETER),
])
def test_replacing_a_changed_function_by_its_dotted_name_is_not_broken(
    tmp_path: Path, test: str, shell_now: str
) -> None:
    assert _broken(tmp_path, test, shell_now) == set()


@pytest.mark.parametrize("test", [MOCK_PATCH, MOCKER, MONKEYPATCH_HELPER])
def test_replacing_a_removed_function_by_its_dotted_name_is_broken(
    tmp_path: Path, test: str
) -> None:
    assert _broken(tmp_path, test, SHELL_REMOVED) == {"test_shell"}


def test_a_dotted_name_a_loader_calls_still_breaks_on_a_signature_change(tmp_path: Path) -> None:
    plugins = 'HOOKS = ["pkg.shell.helper"]\n'
    base = {"pkg/__init__.py": "", "pkg/shell.py": SHELL, "pkg/plugins.py": plugins}
    report = impact_between(base, {**base, "pkg/shell.py": SHELL_PARAMETER}, tmp_path)
    assert broken_modules(report) == {"pkg.plugins"}
