"""``tuple.__repr__(self)``, ``IOError.__init__(self, name)``, ``object.__new__(cls)``: a method
read off a builtin class runs the builtin's code, as ``"".join(...)`` does; it is resolved
(known, not ours), not an unresolved call that may run any ``__repr__`` / ``__init__`` /
``__new__`` of ours. jinja2's ``_GroupTuple.__repr__`` (``tuple.__repr__(self)``) made every
change to any ``__repr__`` select every test file. The builtin methods that run the instance's
own code (``object.__setattr__`` runs a property's setter, ``object.__str__`` its ``__repr__``,
``type.__call__`` its ``__init__``) stay unresolved."""

from __future__ import annotations

import pytest
from helpers import graph_of

CODE = {
    "a.py": """
class Grouped(tuple):
    def __repr__(self):
        return tuple.__repr__(self)

class NotFound(IOError, LookupError):
    def __init__(self, name):
        IOError.__init__(self, name)

class Frame:
    def copy(self):
        return object.__new__(self.__class__)

    def keys(self):
        return dict.fromkeys(["a"])

class Guarded:
    @property
    def x(self):
        return 1

    @x.setter
    def x(self, value):
        pass

    def set(self, value):
        object.__setattr__(self, "x", value)

    def get(self):
        return object.__getattribute__(self, "x")

    def text(self):
        return object.__str__(self)

    def make(self):
        return type.__call__(Guarded)

    def missing(self):
        return object.no_such_method(self)
""",
}


@pytest.fixture(scope="module")
def unresolved() -> set[str]:
    return {caller for caller, _ in graph_of(CODE).unresolved_sites}


@pytest.mark.parametrize(
    "function", ["a:Grouped.__repr__", "a:NotFound.__init__", "a:Frame.copy", "a:Frame.keys"]
)
def test_a_method_of_a_builtin_class_is_resolved(unresolved: set[str], function: str) -> None:
    assert function not in unresolved


@pytest.mark.parametrize(
    "function",
    ["a:Guarded.set", "a:Guarded.get", "a:Guarded.text", "a:Guarded.make", "a:Guarded.missing"],
)
def test_one_that_runs_the_instances_code_or_does_not_exist_stays_unresolved(
    unresolved: set[str], function: str
) -> None:
    assert function in unresolved
