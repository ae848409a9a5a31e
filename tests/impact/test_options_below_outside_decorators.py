"""A decorator added below an outside decorator kept outermost, on a function outside code is
handed: outside code calls what that decorator made, as before.

apprise 1.7 added ``@click.option('--interpret-emojis', ...)`` (and the parameter) under the
``@click.command(...)`` of ``cli.main``; its tests hand ``cli.main`` to ``CliRunner.invoke``,
which parses the arguments and passes the options the command declares. The hand-over was
judged as a call of the function that a decorator added breaks (pip-tools 7.4 likewise, in
the thirteenth round).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_CLI = '''\
import click


@{outer}
@click.option("--body")
def main(body):
    return body
'''
NEW_CLI = '''\
import click


@{outer}
@click.option("--body")
@click.option("--emojis", is_flag=True)
def main(body, emojis):
    return body
'''
TEST = '''\
from click.testing import CliRunner

from proj.cli import main


def test_main():
    result = CliRunner().invoke(main, ["--body", "x"])
    assert result.exit_code == 0
'''


def _impact(tmp_path: Path, test: str = TEST, outer: str = "click.command()") -> set[str]:
    old = {"proj/__init__.py": "", "proj/cli.py": OLD_CLI.format(outer="click.command()"),
           "tests/test_cli.py": test}
    new = {**old, "proj/cli.py": NEW_CLI.format(outer=outer)}
    return broken_modules(impact_between(old, new, tmp_path))


def test_a_command_handed_to_outside_code_breaks_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path) == set()


def test_other_arguments_of_the_outermost_decorator_break_nothing_either(
        tmp_path: Path) -> None:
    # pip-tools 7.4 gave its ``@click.command(...)`` a ``name=`` as it added options
    assert _impact(tmp_path, outer='click.command(name="tool")') == set()


def test_a_call_of_the_command_itself_goes_through_click(tmp_path: Path) -> None:
    # ``main([...])`` calls the command click made, which parses the list: the option added
    # is not required (tests/impact/test_click_command_options.py)
    called = TEST.replace("CliRunner().invoke(main, [\"--body\", \"x\"])",
                          "main([\"--body\", \"x\"], standalone_mode=False)")
    assert _impact(tmp_path, test=called) == set()


def test_a_required_option_added_still_breaks(tmp_path: Path) -> None:
    called = TEST.replace("CliRunner().invoke(main, [\"--body\", \"x\"])",
                          "main([\"--body\", \"x\"], standalone_mode=False)")
    old = {"proj/__init__.py": "", "proj/cli.py": OLD_CLI.format(outer="click.command()"),
           "tests/test_cli.py": called}
    new = {**old, "proj/cli.py": NEW_CLI.format(outer="click.command()").replace(
        "is_flag=True", "required=True")}
    assert broken_modules(impact_between(old, new, tmp_path)) == {"test_cli"}


def test_a_changed_outermost_decorator_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, outer="click.group()") == {"test_cli"}
