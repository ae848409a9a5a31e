"""A decorator of ours that returns what it is given leaves every call as it was.

sentry-sdk 2.0 traded ``@hubmethod`` for ``@scopemethod`` on ``capture_event`` and its
siblings; each sets ``f.__doc__`` and returns ``f``. The ``decorator-changed`` is breaking as the
diff reads it (no decorator of the code base is known by name), and every caller was broken:
75 modules. ``Dsn`` lost ``@implements_str``, defined on each branch of ``if PY2: ... else:``
(``return cls`` after setting attributes, ``return x``), and the code making one was broken.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from git_support import broken_modules, impact_between

DECORATORS = """\
import sys
from typing import Callable, TypeVar

T = TypeVar("T")


def hub(f):
    f.__doc__ = "hub"
    return f


def scope(func):
    func.__doc__ = "scope"
    return func


def wrap(f):
    def inner(*args):
        return f(*args)
    return inner


def other(f, g=None):
    return g


def marked(method: Callable[..., T]) -> Callable[..., T]:
    method.stackable = True
    return method


def rewrap(f):
    f = wrap(f)
    return f


if sys.version_info < (3,):
    def keep(cls):
        cls.__unicode__ = cls.__str__
        return cls
else:
    def keep(x):
        return x
"""

API = """\
from decorators import hub, keep, marked, other, rewrap, scope, wrap


@{before}
def capture(event, hint=None):
    return event


@{made}
class Dsn:
    def __init__(self, value):
        self.value = value
"""

USER = """\
from api import Dsn, capture


def send(event):
    return capture(event), Dsn("x")
"""


def _report(tmp_path: Path, before: str, after: str, made: str = "keep",
            made_after: str = "keep") -> dict[str, Any]:
    base = {"decorators.py": DECORATORS, "api.py": API.format(before=before, made=made),
            "user.py": USER}
    head = {"api.py": API.format(before=after, made=made_after)}
    return impact_between(base, head, tmp_path)


@pytest.mark.parametrize("after", ["scope", "marked"])
def test_a_decorator_returning_its_argument_traded_for_another_breaks_no_call(
        tmp_path: Path, after: str) -> None:
    # xmlschema 3.0's ``stackable(method: Callable[..., T]) -> Callable[..., T]``: annotated
    report = _report(tmp_path, "hub", after)
    assert ("api:capture", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "user" in {a["module"] for a in report["affected"]}
    assert broken_modules(report) == set()


def test_a_class_decorator_returning_its_argument_on_each_branch_removed_breaks_nothing(
        tmp_path: Path) -> None:
    report = _report(tmp_path, "hub", "hub", made="keep", made_after="hub")
    assert ("api:Dsn", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


@pytest.mark.parametrize("after", ["wrap", "other", "rewrap"])
def test_a_decorator_returning_something_else_still_breaks_calls(tmp_path: Path,
                                                                  after: str) -> None:
    assert "user" in broken_modules(_report(tmp_path, "hub", after))
