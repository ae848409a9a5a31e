"""A method moved from a base class down to the subclass a caller's object is: the call finds
it there, and breaks nothing (``ImpactAnalysis._found_below``), also when the base linked the
call with receivers of its own (the object was made as the base class then) or with none
recorded (a parameter typed with the subclass). A call on an object that may be the base
itself, or another subclass, still breaks.

pytest 7.4.4 -> 8.0.0 moved ``FixtureRequest._fillfixtures`` down to ``TopRequest`` (which
``Function`` now makes where it made a ``FixtureRequest``) and ``_check_scope`` down to
``SubRequest`` (``pytest_fixture_setup(fixturedef, request: SubRequest)`` calls it):
``_pytest.python``, ``_pytest.fixtures`` and a test module were called broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

REQUESTS = """\
class Request:
    def __init__(self, node):
        self.node = node

    def value(self):
        return 1
{on_base}

class TopRequest(Request):
    def top(self):
        return 2
{on_top}

class SubRequest(Request):
    def sub(self):
        return 3
{on_sub}
"""
FILL = """
    def fill(self):
        return self.node
"""
CHECK = """
    def check(self, name):
        return name
"""
ITEMS = """\
from requests import {made}, SubRequest


class Item:
    def __init__(self):
        self._request = {made}(self)

    def setup(self):
        self._request.fill()


def fixture_setup(request: SubRequest):
    request.check("x")
"""


def _base(extra: dict[str, str] | None = None) -> dict[str, str | None]:
    return {"requests.py": REQUESTS.format(on_base=FILL + CHECK, on_top="", on_sub=""),
            "items.py": ITEMS.format(made="Request"), **(extra or {})}


def _head(extra: dict[str, str] | None = None) -> dict[str, str | None]:
    return {"requests.py": REQUESTS.format(on_base="", on_top=FILL, on_sub=CHECK),
            "items.py": ITEMS.format(made="TopRequest"), **(extra or {})}


def test_calls_that_find_the_method_below_break_nothing(tmp_path: Path) -> None:
    report = impact_between(_base(), _head(), tmp_path)
    assert {("requests:Request.fill", "symbol-removed"),
            ("requests:Request.check", "symbol-removed")} <= {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_call_on_the_base_class_or_any_subclass_still_breaks(tmp_path: Path) -> None:
    users = {"users.py": """\
from requests import Request


def exact():
    Request(None).fill()


def either(request: Request):
    request.check("x")
"""}
    report = impact_between(_base(users), _head(), tmp_path)
    assert broken_modules(report) == {"users"}
