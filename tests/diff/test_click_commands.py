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


# A command called by its name parses the command line and hands click's callback every
# option: an option that is not required, added with its parameter, breaks no call (the
# decorators below the command's only change the callback). A required option, a required
# argument, or a function that is no command keeps its changes breaking.
COMMAND = '''
import {module} as click


@click.command()
@click.option("--name")
{extra}def main(name{parameter}):
    pass


{extra}def plain(name{parameter}):
    pass
'''


def _added(extra: str, parameter: str, module: str = "click") -> set[tuple[str, str, bool]]:
    old = COMMAND.format(module=module, extra="", parameter="")
    new = COMMAND.format(module=module, extra=extra, parameter=parameter)
    return {c for c in diff_set(old, new)
            if c[1] in ("parameter-added", "decorator-changed")}


def test_an_option_added_with_its_parameter_breaks_no_call() -> None:
    assert _added('@click.option("--theme", "-t", default="dark")\n', ", theme") == {
        ("m:main", "parameter-added", False), ("m:main", "decorator-changed", False),
        ("m:plain", "parameter-added", True), ("m:plain", "decorator-changed", True)}


def test_an_option_named_by_a_bare_word_or_its_second_spelling() -> None:
    assert _added('@click.option("-v", "--log-level", "level")\n@click.option("-q", '
                  '"--be-quiet", is_flag=True)\n', ", level, be_quiet") >= {
        ("m:main", "parameter-added", False), ("m:main", "decorator-changed", False)}


def test_a_context_handed_by_a_pass_decorator_breaks_no_call() -> None:
    old = COMMAND.format(module="click", extra="", parameter="")
    new = old.replace("def main(name", "@click.pass_context\ndef main(ctx, name")
    assert {c for c in diff_set(old, new) if c[0] == "m:main"} == {
        ("m:main", "parameter-added", False), ("m:main", "decorator-changed", False),
        ("m:main", "parameter-moved", False)}  # ``name`` by keyword, past the context


def test_rich_click_commands_are_click_commands() -> None:
    assert ("m:main", "parameter-added", False) in _added(
        '@click.option("--theme")\n', ", theme", module="rich_click")


def test_a_required_option_or_argument_added_still_breaks() -> None:
    assert ("m:main", "parameter-added", True) in _added(
        '@click.option("--theme", required=True)\n', ", theme")
    assert ("m:main", "parameter-added", True) in _added('@click.argument("path")\n', ", path")
    assert ("m:main", "parameter-added", True) in _added(
        '@click.option("--other")\n', ", theme")  # no option fills ``theme``
