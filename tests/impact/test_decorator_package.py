"""Decorators of ours made by the ``decorator`` package (``@decorator def only_when_enabled(f,
self, *a, **kw)``): the function they decorate keeps its signature, each call going through
the caller with the arguments it was given. IPython 8.0 traded ``@needs_sqlite`` for
``@only_when_enabled`` on ``HistoryManager.writeout_cache`` and its siblings: a call binds as
one of the method itself does. moviepy 2.0 traded ``@convert_to_seconds(['t'])`` for
``@convert_parameter_to_seconds(['t'])``: factories of ours returning ``preprocess_args(fun,
varnames)``, which returns ``decorator.decorator(wrapper)``."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
from typing import Callable, TypeVar

from decorator import decorator

F = TypeVar("F")


@decorator
def needs_sqlite(f, self, *a, **kw):
    return f(self, *a, **kw)


@decorator
def only_when_enabled(f, self, *a, **kw):
    if not self.enabled:
        return []
    return f(self, *a, **kw)


def preprocess_args(fun, names):
    def wrapper(f, *a, **kw):
        return f(*[fun(x) for x in a], **kw)
    return decorator(wrapper)


def convert_to_seconds(names):
    return preprocess_args(float, names)


def convert_parameter_to_seconds(names):
    return preprocess_args(float, names)


def annotated_to_seconds(names) -> Callable[[F], F]:
    return preprocess_args(float, names)


def wrapping(names):
    def wrap(f):
        def run(self):
            return f(self, None)
        return run
    return wrap


def replaced(f):
    def run(self):
        return f(self, None)
    return run


class History:
    enabled = True

    @needs_sqlite
    def writeout(self, conn=None):
        return conn
"""

USERS = {
    "saver.py": "from lib import History\n\n\ndef save(h: History):\n    h.writeout(conn=1)\n",
}


def broken(tmp_path: Path, head: str) -> set[str]:
    report = impact_between({"lib.py": LIB, **USERS}, {"lib.py": head}, tmp_path)
    assert ("lib:History.writeout", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "saver" in {m["module"] for m in report["affected"]}
    return broken_modules(report)


def test_one_signature_keeping_decorator_traded_for_another_breaks_no_binding_call(
    tmp_path: Path,
) -> None:
    assert broken(tmp_path, LIB.replace("    @needs_sqlite\n", "    @only_when_enabled\n")) \
        == set()


def test_one_traded_for_a_wrapper_of_ours_that_takes_other_calls_still_breaks(
    tmp_path: Path,
) -> None:
    # ``replaced`` makes a wrapper taking ``self`` alone: ``h.writeout(conn=1)`` fails
    assert broken(tmp_path, LIB.replace("    @needs_sqlite\n", "    @replaced\n")) == {"saver"}


def factory_traded(tmp_path: Path, factory: str) -> set[str]:
    """The modules broken when ``@convert_to_seconds(['conn'])`` is traded for
    ``@<factory>(['conn'])``: the change is a breaking ``decorator-changed`` either way."""
    base = LIB.replace("    @needs_sqlite\n", "    @convert_to_seconds(['conn'])\n")
    head = LIB.replace("    @needs_sqlite\n", f"    @{factory}(['conn'])\n")
    report = impact_between({"lib.py": base, **USERS}, {"lib.py": head}, tmp_path)
    assert ("lib:History.writeout", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return broken_modules(report)


def test_one_signature_keeping_factory_traded_for_another_breaks_no_binding_call(
    tmp_path: Path,
) -> None:
    assert factory_traded(tmp_path, "convert_parameter_to_seconds") == set()


def test_a_factory_traded_for_one_making_another_wrapper_still_breaks(tmp_path: Path) -> None:
    # ``wrapping(...)`` makes a wrapper taking ``self`` alone: ``h.writeout(conn=1)`` fails
    assert factory_traded(tmp_path, "wrapping") == {"saver"}


def test_a_factory_annotated_with_what_it_returns_still_keeps_the_signature(
    tmp_path: Path,
) -> None:
    # the return annotation is a value of its own, not one the factory returns
    assert factory_traded(tmp_path, "annotated_to_seconds") == set()
