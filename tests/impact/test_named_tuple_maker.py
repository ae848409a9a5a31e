"""A named tuple made by a function of ours, as a base.

cmd2 1.5 had ``class CommandResult(namedtuple_with_defaults('CommandResult', ['stdout',
'stderr', 'stop', 'data']))``, ``namedtuple_with_defaults`` a function of its own returning
``collections.namedtuple(typename, field_names)`` with defaults set; 2.0 made it ``class
CommandResult(NamedTuple)`` with the same four fields. The base was not known to be a named
tuple, so its names were not known one by one: four modules using ``CommandResult`` broke. A
function of ours that makes the tuple of its first two parameters, at every ``return``, makes a
named tuple of the fields its call writes out.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

MAKER = '''\
import collections


def namedtuple_with_defaults(typename, field_names, default_values=()):
    T = collections.namedtuple(typename, field_names)
    T.__new__.__defaults__ = (None,) * len(T._fields)
    return T
'''
OLD = '''\
from maker import namedtuple_with_defaults


class CommandResult(namedtuple_with_defaults('CommandResult', ['stdout', 'stderr', 'data'])):
    pass
'''
NEW = '''\
from typing import Any, NamedTuple


class CommandResult(NamedTuple):
    stdout: str = ''
    stderr: str = ''
    data: Any = None
'''
USER = '''\
from lib import CommandResult


def run(out):
    result = CommandResult(out, '', None)
    return result.{field}, result._replace(data=1)
'''


def _broken(tmp_path: Path, field: str = "stdout", maker: str = MAKER, new: str = NEW
            ) -> set[str]:
    user = {"user.py": USER.format(field=field)}
    report = impact_between({"maker.py": maker, "lib.py": OLD, **user},
                            {"maker.py": maker, "lib.py": new, **user}, tmp_path)
    return broken_modules(report)


def test_a_named_tuple_made_by_our_function_kept_as_one_breaks_nobody(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_field_it_lost_still_breaks(tmp_path: Path) -> None:
    new = NEW.replace("    data: Any = None\n", "")
    assert _broken(tmp_path, field="data", new=new) == {"user"}


def test_a_function_making_fields_of_its_own_is_not_known(tmp_path: Path) -> None:
    maker = MAKER.replace("namedtuple(typename, field_names)", "namedtuple(typename, 'a b')")
    assert _broken(tmp_path, maker=maker) == {"user"}


def test_a_function_returning_something_else_too_is_not_known(tmp_path: Path) -> None:
    maker = MAKER.replace("    return T\n", "    if default_values:\n        return dict\n"
                          "    return T\n")
    assert _broken(tmp_path, maker=maker) == {"user"}
