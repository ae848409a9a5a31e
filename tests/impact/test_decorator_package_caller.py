"""A decorator of ours made the ``decorator`` package's way, by a maker of ours: the wrapper
calls the caller with the function first (``target(fn, *args, **kw)``), and the caller calls
the function with the rest (``fn(self, *args, **kw)``). A call reaches the function with the
arguments it was given, and breaks only where the function does not take them.

SQLAlchemy 2.0.30 -> 2.0.36 added ``@_generative`` to ``FunctionFilter.filter`` and
``HasHints.with_statement_hint``: ``_generative(fn)`` returns ``inner(fn)``, ``inner`` made by
``util.decorator`` (SQLAlchemy's copy of ``decorator.decorator``), whose caller does ``self =
self._generate()`` and then ``fn(self, *args, **kw)``. Module code calling the methods at
import time was judged broken, and with it every module importing it (most of the pair's 244
broken modules).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LANGHELPERS = """\
from functools import update_wrapper


def decorator(target):
    def decorate(fn):
        def decorated(*args, **kw):
            return target(fn, *args, **kw)
        return update_wrapper(decorated, fn)

    return update_wrapper(decorate, target)
"""

BASE = """\
from pkg import langhelpers


def _generative(fn):
    @langhelpers.decorator
    def _generative(fn, self, *args, **kw):
        self = self._generate()
        {call}
        return self

    decorated = _generative(fn)
    decorated.non_generative = fn
    return decorated


class Select:
    def _generate(self):
        return self

{decorator}    def filter(self, {parameters}):
        return self
"""

CATALOG = """\
from pkg.base import Select

QUERY = Select().filter(1, 2)
"""

USER = """\
from pkg import catalog


def run():
    return catalog.QUERY
"""


def _broken(tmp_path: Path, call: str, parameters: str) -> set[str]:
    def files(decorator: str) -> dict[str, str]:
        return {"pkg/__init__.py": "", "pkg/langhelpers.py": LANGHELPERS,
                "pkg/base.py": BASE.format(call=call, decorator=decorator,
                                           parameters=parameters),
                "pkg/catalog.py": CATALOG, "pkg/user.py": USER}

    return broken_modules(impact_between(files(""), files("    @_generative\n"), tmp_path))


def test_a_call_reaches_the_function_with_what_it_was_given(tmp_path: Path) -> None:
    assert _broken(tmp_path, "x = fn(self, *args, **kw)", "*criterion") == set()


@pytest.mark.parametrize(("call", "parameters"), [
    ("x = fn(self)", "a, b"),  # the caller drops what it was given
    ("x = fn(self, *args[1:], **kw)", "a, b"),  # or the first of it
])
def test_a_caller_that_does_not_hand_the_call_on_whole_still_breaks(
        call: str, parameters: str, tmp_path: Path) -> None:
    assert {"pkg.catalog", "pkg.user"} <= _broken(tmp_path, call, parameters)
