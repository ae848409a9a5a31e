"""A click command gaining an option: code calling the command by its name (``main()`` in a
``__main__`` module, ``main(["--name", "x"], standalone_mode=False)``) goes through click,
which fills the new parameter. rich-click 1.9 gave its ``main`` a ``--theme``; its
``__main__`` was judged broken. A required option added still breaks those calls."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

CLI = '''\
import click


@click.command()
@click.option("--name")
{option}def main(name{parameter}):
    click.echo(name)
'''
MAIN = "from pkg.cli import main\n\nif __name__ == '__main__':\n    main()\n"
USER = ("from pkg.cli import main\n\n\ndef run():\n"
        "    return main(['--name', 'x'], standalone_mode=False)\n")


@pytest.mark.parametrize(("option", "broken"), [
    ('@click.option("--theme", default="dark")\n', set()),
    ('@click.option("--theme", required=True)\n', {"pkg.__main__", "pkg.user"}),
])
def test_an_option_added_to_a_command(tmp_path: Path, option: str, broken: set[str]) -> None:
    base = {"pkg/__init__.py": "", "pkg/__main__.py": MAIN, "pkg/user.py": USER,
            "pkg/cli.py": CLI.format(option="", parameter="")}
    head = {**base, "pkg/cli.py": CLI.format(option=option, parameter=", theme")}
    report = impact_between(base, head, tmp_path)
    assert {a["module"] for a in report["affected"]} >= {"pkg.__main__", "pkg.user"}
    assert broken_modules(report) == broken
