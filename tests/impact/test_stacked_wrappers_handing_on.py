"""Two decorators of ours added at once, stacked, each wrapper handing every argument on.

netmiko 4.0 put ``@lock_channel`` over ``@log_writes`` on ``BaseConnection.write_channel``.
``lock_channel``'s ``wrapper_decorator(self, *args, **kwargs)`` calls ``func(self, *args,
**kwargs)``, which is ``log_writes``'s ``wrapper_decorator(self, out_data)``, which calls
``func(self, out_data)``. Only the inner wrapper calls the method, so only one of the two
decorators was seen to hand on, and every ``self.write_channel(...)`` of 42 modules was judged
broken. Both return ``cast(F, wrapper_decorator)``, whose value the link does not follow:
the outer wrapper is read from the decorator's code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

DECORATORS = '''\
import functools


def lock_channel(func):
    @functools.wraps(func)
    def wrapper_decorator(self, *args, **kwargs):
        self.lock()
        try:
            return {outer_call}
        finally:
            self.unlock()
    return wrapper_decorator


def log_writes(func):
    @functools.wraps(func)
    def wrapper_decorator(self, out_data):
        func(self, out_data)
        print(out_data)
    return wrapper_decorator
'''
BASE = '''\
class Connection:
    def lock(self):
        pass

    def unlock(self):
        pass

    def write_channel(self, out_data{flush}):
        return out_data
'''
HEAD = DECORATORS + '''

class Connection:
    def lock(self):
        pass

    def unlock(self):
        pass

    @lock_channel
    @log_writes
    def write_channel(self, out_data{flush}):
        return out_data
'''
USER = '''\
from proj.conn import Connection


def send(conn: Connection):
    conn.write_channel({args})
'''


def _broken(tmp_path: Path, outer_call: str = "func(self, *args, **kwargs)",
            args: str = "'\\n'", flush: str = "") -> set[str]:
    base = {"proj/__init__.py": "", "proj/conn.py": BASE.format(flush=flush),
            "proj/user.py": USER.format(args=args)}
    head = {**base, "proj/conn.py": HEAD.format(outer_call=outer_call, flush="")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_stacked_wrappers_handing_every_argument_on_break_no_call_that_binds(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_call_the_method_no_longer_takes_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, args="'\\n', flush=True", flush=", flush=False") == {"proj.user"}


def test_an_outer_wrapper_passing_something_of_its_own_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, outer_call="func(self, 1, *args, **kwargs)") == {"proj.user"}


@pytest.mark.parametrize(("outer_call", "broken"), [
    ("func(self, *args, **kwargs)", set()),
    ("func(self, 1, *args, **kwargs)", {"proj.user"}),
])
def test_typed_decorators_returning_a_cast_wrapper(outer_call: str, broken: set[str],
                                                   tmp_path: Path) -> None:
    typed = DECORATORS.replace("import functools\n", "import functools\n"
                               "from typing import Any, Callable, TypeVar, cast\n\n"
                               "F = TypeVar('F', bound=Callable[..., Any])\n").replace(
        "    return wrapper_decorator", "    return cast(F, wrapper_decorator)")
    base = {"proj/__init__.py": "", "proj/conn.py": BASE.format(flush=""),
            "proj/user.py": USER.format(args="'\\n'")}
    head = {**base, "proj/conn.py": HEAD.replace(DECORATORS, typed).format(
        outer_call=outer_call, flush="")}
    assert broken_modules(impact_between(base, head, tmp_path)) == broken
