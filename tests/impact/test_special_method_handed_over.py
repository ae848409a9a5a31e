"""A special method that gained the parameters Python passes, reached through outside code.

trio 0.23 gave ``NurseryManager.__exit__(self)`` (never called: the class must be entered
with ``async with``) the three parameters of the protocol. ``Runner.spawn_impl`` hands what it
runs to ``Context.run``; outside code calling the method was taken to call it as the old
signature required, with no argument, and every such caller broke (7 modules). Outside code
calls a special method as Python's protocol does (``SPECIAL_ARITY``), whatever its old
signature took.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
class Manager:
    def __enter__(self):
        return self

    def __exit__(self):
        raise AssertionError("never called")
'''
NEW = '''\
class Manager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        raise AssertionError("never called")
'''
USER = '''\
import contextlib

from lib import Manager


def run():
    with contextlib.ExitStack() as stack:
        stack.enter_context(Manager())
'''


def _broken(tmp_path: Path, new: str = NEW) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": USER}, {"lib.py": new, "user.py": USER},
                            tmp_path)
    return broken_modules(report)


def test_the_parameters_python_passes_break_no_outside_caller(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_parameter_python_does_not_pass_still_breaks(tmp_path: Path) -> None:
    new = NEW.replace("exc_type, exc_value, traceback", "exc_type, exc_value, traceback, more")
    assert "user" in _broken(tmp_path, new=new)
