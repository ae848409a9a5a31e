"""A click command (or group) is called with every option by keyword: a parameter of its
function moved is no break of any call of the command's name. hatch 1.8 reordered the
options of its ``hatch`` group. The first parameter, which ``@click.pass_context`` hands by
position, and a function that is no command keep ``parameter-moved`` breaking."""

from __future__ import annotations

from diff_support import diff_set

CLI = '''
import click


@click.group()
@click.option("--verbose", count=True)
@click.option("--quiet", count=True)
@click.pass_context
def cli({cli}):
    pass


@cli.command()
@click.option("--name")
@click.option("--force", is_flag=True)
def build({build}):
    pass


@click.pass_context
def plain({build}):
    pass
'''


def _changes(cli: str, build: str) -> set[tuple[str, str, bool]]:
    old = CLI.format(cli="ctx, verbose, quiet", build="name, force")
    return {c for c in diff_set(old, CLI.format(cli=cli, build=build))
            if c[1] == "parameter-moved"}


def test_options_of_a_group_reordered_break_no_call() -> None:
    assert _changes("ctx, quiet, verbose", "name, force") == {
        ("m:cli", "parameter-moved", False)}


def test_options_of_a_group_s_command_reordered_break_no_call() -> None:
    assert _changes("ctx, verbose, quiet", "force, name") == {
        ("m:build", "parameter-moved", False), ("m:plain", "parameter-moved", True)}


def test_the_context_moved_still_breaks() -> None:
    assert ("m:cli", "parameter-moved", True) in _changes("verbose, ctx, quiet", "name, force")
