"""A ``__str__`` (``__repr__``, ``__eq__``, ``__ne__``) removed: ``object``'s answers it.

paramiko 3.0 removed ``Message.__str__`` and ``PKey.__str__`` (Python 2's byte strings);
``kex_gss`` still hashes ``str(hm)``. ``object.__str__`` takes the call, and never fails: the
diff calls the change non-breaking (``inherited from object``), yet every code of ours still
calling it was judged broken (``paramiko.kex_gss``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

OLD = '''\
class Message:
    def __init__(self, data):
        self.data = data

    def __str__(self):
        return self.data

    def __eq__(self, other):
        return self.data == other

    def __format__(self, spec):
        return format(self.data, spec)
'''
NEW = '''\
class Message:
    def __init__(self, data):
        self.data = data
'''
USER = '''\
from lib import Message


def digest(data):
    message = Message(data)
    return {use}
'''


def _broken(tmp_path: Path, use: str) -> set[str]:
    user = USER.format(use=use)
    report = impact_between({"lib.py": OLD, "user.py": user}, {"lib.py": NEW, "user.py": user},
                            tmp_path)
    return broken_modules(report)


@pytest.mark.parametrize("use", ["str(message)", "message == b''", "message.__str__()"])
def test_a_call_object_answers_breaks_nothing(tmp_path: Path, use: str) -> None:
    assert _broken(tmp_path, use) == set()


def test_format_with_a_spec_object_refuses_still_breaks(tmp_path: Path) -> None:
    # ``object.__format__`` raises TypeError for a non-empty spec
    assert "user" in _broken(tmp_path, 'message.__format__(">10")')


DOC_OLD = '''\
class Function:
    """A function of many methods."""

    @property
    def __doc__(self):
        return "the methods' docstrings"
'''
DOC_NEW = '''\
class Function:
    """A function of many methods."""
'''


def test_a_doc_property_removed_still_reads(tmp_path: Path) -> None:
    """plum 2.10 traded ``Function``'s ``__doc__`` property for a descriptor set after the
    class: reading ``f.__doc__`` never fails, any object has one (``object``'s class
    docstring at least); the tests reading it were judged broken."""
    user = ("from lib import Function\n\n\ndef test_doc():\n"
            "    f = Function()\n    assert f.__doc__\n")
    report = impact_between({"lib.py": DOC_OLD, "test_user.py": user},
                            {"lib.py": DOC_NEW, "test_user.py": user}, tmp_path)
    assert ("lib:Function.__doc__", "symbol-removed", False) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "test_user" in {m["module"] for m in report["affected"]}
    assert broken_modules(report) == set()
