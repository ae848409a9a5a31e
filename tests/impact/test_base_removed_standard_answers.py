"""A base removed whose members a standard-library base of the head's class answers in their
place: trio 0.23 traded ``AsyncAutoWrapperType(Final)`` (``Final`` a metaclass of ours over
``abc.ABCMeta``, with its own ``__new__``) for ``AsyncAutoWrapperType(type)``. Python makes
and checks classes through ``type``'s ``__new__``, ``__instancecheck__`` and
``__subclasscheck__`` now; ``ABCMeta.register`` is gone for good."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
from abc import ABCMeta


class Final(ABCMeta):
    def __new__(cls, name, bases, namespace):
        for base in bases:
            if isinstance(base, Final):
                raise TypeError("no subclassing")
        return super().__new__(cls, name, bases, namespace)


class Wrapper(Final):
    @classmethod
    def forwards(cls, name):
        return name
"""


def broken(tmp_path: Path, use: str) -> set[str]:
    user = f"from lib import Wrapper\n\n\ndef test_it():\n    assert {use}\n"
    head = LIB.replace("class Wrapper(Final):", "class Wrapper(type):")
    report = impact_between({"lib.py": LIB, "test_user.py": user}, {"lib.py": head}, tmp_path)
    assert ("lib:Wrapper", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "test_user" in {m["module"] for m in report["affected"]}
    return broken_modules(report)


def test_a_metaclass_base_traded_for_type_takes_nothing_type_answers(tmp_path: Path) -> None:
    assert broken(tmp_path, 'Wrapper.forwards("x")') == set()


def test_a_member_type_does_not_answer_still_breaks(tmp_path: Path) -> None:
    assert broken(tmp_path, "Wrapper.register(int)") == {"test_user"}
