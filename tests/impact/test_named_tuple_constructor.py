"""A named tuple class is made with its fields: ``P(x, y=0)``.

jsonrpcserver 5.0 turned its response classes, which had an ``__init__`` of their own or
their base's (``SuccessResponse(result=None, *, id, **kwargs)``), into ``typing.NamedTuple``
classes (``result: Any; id: Any``). The constructor the fields make was not read: the
calls of 5.0 passing the fields by position were judged against no constructor, or the
base's, and broken; a call missing a field was not. The constructor of a named tuple class
(``class P(NamedTuple)`` with its annotated names; a class whose base is
``namedtuple('P', 'x y', defaults=...)`` or ``NamedTuple('P', [('x', int)])``) takes its
fields in order, each with the default the class gives it, as a dataclass's generated
``__init__`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from git_support import broken_modules, impact_between

OLD = '''\
class Response:
    def __init__(self, *, id=None):
        self.id = id


class SuccessResponse(Response):
    def __init__(self, result=None, *, id, **kwargs):
        super().__init__(id=id, **kwargs)
        self.result = result
'''
NEW = '''\
from typing import Any, NamedTuple


class SuccessResponse(NamedTuple):
    result: Any
    id: Any = None
'''
USER = '''\
from lib import SuccessResponse


def respond(request):
    return SuccessResponse({args})
'''


def _report(tmp_path: Path, old: str, new: str, old_args: str, new_args: str
            ) -> dict[str, Any]:
    return impact_between({"lib.py": old, "user.py": USER.format(args=old_args)},
                          {"lib.py": new, "user.py": USER.format(args=new_args)}, tmp_path)


def _changes(report: dict[str, Any]) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}


@pytest.mark.parametrize("args", ["1, 2", "1", "result=1, id=2", "1, id=2"])
def test_a_call_passing_the_fields_is_not_broken(tmp_path: Path, args: str) -> None:
    report = _report(tmp_path, OLD, NEW, "1, id=2", args)
    assert broken_modules(report) == set()
    assert ("lib:SuccessResponse.__init__", "parameter-now-required", True) in _changes(report)


@pytest.mark.parametrize("args", ["", "id=2", "1, 2, 3", "1, extra=2"])
def test_a_call_the_fields_do_not_take_is_broken(tmp_path: Path, args: str) -> None:
    assert broken_modules(_report(tmp_path, OLD, NEW, "1, id=2", args)) == {"user"}


def test_an_unchanged_call_missing_a_field_now_required_is_broken(tmp_path: Path) -> None:
    assert "user" in broken_modules(_report(tmp_path, OLD, NEW, "id=2", "id=2"))


@pytest.mark.parametrize(("field", "kind", "broken"), [
    ("extra: int", "parameter-added", True),
    ("extra: int = 0", "parameter-added", False),
])
def test_a_field_added_is_a_parameter_added(tmp_path: Path, field: str, kind: str,
                                             broken: bool) -> None:
    new = NEW.replace("    id: Any = None\n", f"    id: Any = None\n    {field}\n")
    report = _report(tmp_path, NEW, new, "1, 2", "1, 2")
    assert ("lib:SuccessResponse.__init__", kind, broken) in _changes(report)
    assert broken_modules(report) == ({"user"} if broken else set())


CALLED = '''\
import collections
from typing import NamedTuple


class Pair(collections.namedtuple('Pair', 'left right', defaults=(None,))):
    pass


class Typed(NamedTuple('Typed', [('left', int), ('right', int)])):
    pass
'''
PLAIN = '''\
class Pair:
    def __init__(self, *args):
        self.args = args


class Typed(Pair):
    pass
'''


@pytest.mark.parametrize(("cls", "args", "broken"), [
    ("Pair", "1", False),
    ("Pair", "1, 2", False),
    ("Pair", "", True),
    ("Pair", "1, 2, 3", True),
    ("Typed", "1, right=2", False),
    ("Typed", "1", True),
])
def test_a_named_tuple_made_by_a_call_takes_its_fields(tmp_path: Path, cls: str, args: str,
                                                       broken: bool) -> None:
    user = f"from lib import {cls}\n\n\ndef make():\n    return {cls}({args})\n"
    report = impact_between({"lib.py": PLAIN, "user.py": user},
                            {"lib.py": CALLED, "user.py": user}, tmp_path)
    assert broken_modules(report) == ({"user"} if broken else set())


def test_a_field_added_to_a_called_named_tuple_is_a_parameter_added(tmp_path: Path) -> None:
    new = CALLED.replace("'left right', defaults=(None,)", "'left right more'")
    user = "from lib import Pair\n\n\ndef make():\n    return Pair(1, 2)\n"
    report = impact_between({"lib.py": CALLED, "user.py": user},
                            {"lib.py": new, "user.py": user}, tmp_path)
    assert ("lib:Pair.__init__", "parameter-added", True) in _changes(report)
    assert ("lib:Pair.__init__", "parameter-now-required", True) in _changes(report)
    assert broken_modules(report) == {"user"}
