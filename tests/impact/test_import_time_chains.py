"""Module code breaks at import time only through calls that run the function they name.

sympy's ``@cacheit`` wrapper calls whichever cached function it wraps: one node of the graph
calling all of them. Module code calling one cached function (``S = sympify(1)``) then reached
every function any cached function calls, and with ``flatten`` given a required parameter,
1,380 of the 1,390 modules the change affects were marked broken at import time, while
``import sympy`` ran as before. A call of several values (``func(*args)`` in a shared wrapper,
``self.step()`` with overrides) may run the broken function or may not: its callers stay
affected, and are marked broken only when a chain of calls that each run the function they
name leads there.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
def flatten(items):
    return list(items)
"""
LIB_HEAD = LIB.replace("def flatten(items):", "def flatten(items, depth):")
CACHE = """\
import functools


def cacheit(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper
"""
CORE = """\
from cache import cacheit
from lib import flatten


@cacheit
def sympify(value):
    return value


@cacheit
def expand(value):
    return flatten([value])


class Basic:
    def run(self):
        return self.step()

    def step(self):
        return 1


class Flat(Basic):
    def step(self):
        return flatten([2])
"""
MODULE = """\
from core import Basic, Flat, expand, sympify

{code}
"""


def report_for(tmp_path: Path, code: str) -> set[str]:
    base = {"lib.py": LIB, "cache.py": CACHE, "core.py": CORE,
            "numbers.py": MODULE.format(code=code), "user.py": "import numbers\n"}
    report = impact_between(base, {**base, "lib.py": LIB_HEAD}, tmp_path)
    affected = {m["module"] for m in report["affected"]}
    assert {"core", "numbers", "user"} <= affected  # the chain may run: affected all the same
    return broken_modules(report)


def test_a_cached_function_called_at_import_does_not_run_every_cached_function(
    tmp_path: Path,
) -> None:
    assert report_for(tmp_path, "ONE = sympify(1)") == {"core"}


def test_a_method_called_at_import_does_not_run_every_override(tmp_path: Path) -> None:
    assert report_for(tmp_path, "RESULT = Basic().run()") == {"core"}


def test_module_code_calling_the_broken_cached_function_breaks_on_import(
    tmp_path: Path,
) -> None:
    assert report_for(tmp_path, "EXPANDED = expand(1)") == {"core", "numbers", "user"}


def test_module_code_calling_the_broken_override_breaks_on_import(tmp_path: Path) -> None:
    assert report_for(tmp_path, "FLAT = Flat().step()") == {"core", "numbers", "user"}
