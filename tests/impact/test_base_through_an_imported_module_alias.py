"""A base spelled on a module that a module of ours imports under two names by condition.

paramiko 3.0 dropped ``py3compat``, which did ``import __builtin__ as builtins`` for Python 2
and ``import builtins`` otherwise; ``_winapi`` went from ``from paramiko.py3compat import
builtins`` to ``import builtins``, its ``class WindowsError(builtins.WindowsError)`` unchanged.
Only the last import of ``builtins`` in ``py3compat`` was followed when the name imported is
a module and the base an attribute of it: the base read ``__builtin__.WindowsError`` before
and ``builtins.WindowsError`` after, ``base-removed`` with names not known one by one.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

COMPAT = '''\
import sys

if sys.version_info[0] >= 3:
    import builtins
else:
    import __builtin__ as builtins
'''
WIN = '''\
from proj.compat import builtins


class WinError(builtins.OSError):
    def __init__(self, code):
        self.code = code
'''
USER = '''\
from proj.win import WinError


def fail():
    raise WinError(5)


def number(error):
    return error.errno
'''


def _report(tmp_path: Path, base: str = "builtins.OSError") -> dict:
    old = {"proj/__init__.py": "", "proj/compat.py": COMPAT, "proj/win.py": WIN,
           "proj/user.py": USER}
    new = dict(old, **{"proj/compat.py": None,
                       "proj/win.py": WIN.replace("from proj.compat import builtins",
                                                  "import builtins").replace(
                                                      "builtins.OSError", base)})
    return impact_between(old, new, tmp_path)


def _kinds(report: dict) -> set[tuple[str, str]]:
    return {(c["symbol"], c["kind"]) for c in report["changes"]}


def test_the_same_base_through_the_module_itself_removes_none(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert ("proj.win:WinError", "base-removed") not in _kinds(report)
    assert broken_modules(report) == set()


def test_another_base_is_still_removed(tmp_path: Path) -> None:
    report = _report(tmp_path, "builtins.ValueError")
    assert ("proj.win:WinError", "base-removed") in _kinds(report)
