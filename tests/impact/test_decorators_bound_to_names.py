"""A decorator written as a name of ours bound to a call is that call.

pip-tools 7.4 moved every ``@click.option(...)`` of ``pip-compile`` and ``pip-sync`` into
``piptools/scripts/options.py`` (``verbose = click.option("-v", ...)``) and decorated the
commands with ``@options.verbose``; the ``decorator-changed`` (``-click.option`` ...
``+options.verbose`` ...) broke every test invoking them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

TAGS = '''\
import functools


def option(name, **settings):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)
        return wrapper
    return decorate


def argument(name):
    def decorate(func):
        def wrapper(*args):
            return func(*args)
        return wrapper
    return decorate
'''
BASE = '''\
from proj import tags


@tags.option("-v", count=True)
@tags.option("-q", count=True)
def main(verbose=0, quiet=0):
    return verbose - quiet
'''
HEAD = '''\
from proj import options


@options.verbose
@options.quiet
def main(verbose=0, quiet=0):
    return verbose - quiet
'''
OPTIONS = '''\
from proj import tags

verbose = tags.{verbose}
quiet = tags.option("-q", count=True)
'''
USER = "from proj.cli import main\n\n\ndef run():\n    return main(1, 2)\n"


def _impact(tmp_path: Path, verbose: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/tags.py": TAGS, "proj/cli.py": BASE,
            "proj/user.py": USER}
    head = {**base, "proj/cli.py": HEAD, "proj/options.py": OPTIONS.format(verbose=verbose)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_the_same_calls_bound_to_names_break_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path, 'option("-v", count=True)') == set()


@pytest.mark.parametrize("verbose", ['argument("-v")', "option"])
def test_another_decorator_bound_to_the_name_still_breaks(verbose: str, tmp_path: Path) -> None:
    assert "proj.user" in _impact(tmp_path, verbose)
