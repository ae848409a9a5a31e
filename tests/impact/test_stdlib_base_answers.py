"""A method removed from a class whose standard-library base has one of that name.

pymongo 4.0 removed ``SON.items``, ``keys`` and ``update``: ``SON`` derives from
``typing.Dict[_Key, _Value]``, whose ``dict`` answers them now. The removal was judged as
if "a base outside the code may provide it" were not known either way, and every call left
(``spec.items()`` in ``pymongo.message`` and nine more modules) broke. The standard library
is at hand: its method answers, and a call breaks only when that does not take it.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
from typing import Dict


class SON(Dict[str, int]):
    def items(self):
        return list(super().items())

    def get(self, key, default=None):
        return super().get(key, default)
'''
NEW = '''\
from typing import Dict


class SON(Dict[str, int]):
    pass
'''
USER = '''\
from son import SON


def pairs(son: SON):
    return son.items()
'''


def _report(tmp_path: Path, old: str, new: str, user: str) -> dict:
    return impact_between({"son.py": old, "user.py": user}, {"son.py": new, "user.py": user},
                          tmp_path)


def test_the_standard_base_answers_a_call_it_takes(tmp_path: Path) -> None:
    report = _report(tmp_path, OLD, NEW, USER)
    removed = {c["symbol"]: c for c in report["changes"] if c["kind"] == "symbol-removed"}
    assert removed["son:SON.items"]["breaking"] is False
    assert removed["son:SON.items"]["detail"] == "method (inherited from dict now)"
    assert broken_modules(report) == set()


def test_a_call_the_standard_method_does_not_take_breaks(tmp_path: Path) -> None:
    # ``dict.get`` takes its arguments by position only
    user = USER.replace("son.items()", 'son.get("a", default=1)')
    assert "user" in broken_modules(_report(tmp_path, OLD, NEW, user))


def test_a_base_of_an_outside_package_is_not_known_to_answer(tmp_path: Path) -> None:
    # (an override handing its call on to ``super().items()`` would show the base has one:
    # test_override_handing_on_to_an_outside_base.py)
    old = OLD.replace("from typing import Dict", "from frozendict import FrozenDict as Dict") \
        .replace("list(super().items())", "[(key, self[key]) for key in self]")
    new = NEW.replace("from typing import Dict", "from frozendict import FrozenDict as Dict")
    assert "user" in broken_modules(_report(tmp_path, old, new, USER))


def test_a_class_body_still_reading_the_bare_name_keeps_the_removal_breaking(
        tmp_path: Path) -> None:
    # ``join.__doc__ = str.join.__doc__`` left behind once ``join`` went: the class body has
    # no ``join`` of its own (a base's is no name of the body), a NameError at import time
    old = OLD.replace("    def get(", "    items.__doc__ = dict.items.__doc__\n\n    def get(")
    new = NEW.replace("    pass\n", "    items.__doc__ = dict.items.__doc__\n")
    report = _report(tmp_path, old, new, USER)
    removed = {c["symbol"]: c for c in report["changes"] if c["kind"] == "symbol-removed"}
    assert removed["son:SON.items"]["breaking"] is True


def test_an_abstract_base_of_the_standard_library_answers_too(tmp_path: Path) -> None:
    # urllib3 2.0: ``HTTPHeaderDict(typing.MutableMapping[str, str])`` lost its own ``pop``;
    # ``collections.abc.MutableMapping.pop`` answers
    old = OLD.replace("from typing import Dict", "import typing").replace(
        "Dict[str, int]", "typing.MutableMapping[str, int]")
    new = NEW.replace("from typing import Dict", "import typing").replace(
        "Dict[str, int]", "typing.MutableMapping[str, int]")
    report = _report(tmp_path, old, new, USER)
    removed = {c["symbol"]: c for c in report["changes"] if c["kind"] == "symbol-removed"}
    assert removed["son:SON.items"]["detail"] == (
        "method (inherited from collections.abc.MutableMapping now)")
    assert broken_modules(report) == set()


def test_a_typing_named_tuple_answers_as_tuple(tmp_path: Path) -> None:
    # pyglet 2.1 made ``Vec3(tuple)`` a ``typing.NamedTuple`` and dropped its ``__iter__``;
    # ``typing.NamedTuple`` is no class, the classes it makes derive from ``tuple``
    old = ("class Vec3(tuple):\n    def __iter__(self):\n        return super().__iter__()\n\n"
           "    def __len__(self):\n        return 3\n")
    new = ("import typing as _typing\n\n\nclass Vec3(_typing.NamedTuple):\n"
           "    x: float = 0.0\n    y: float = 0.0\n    z: float = 0.0\n")
    user = "from son import Vec3\n\n\ndef coords(v: Vec3):\n    return list(v.__iter__())\n"
    report = _report(tmp_path, old, new, user)
    removed = {c["symbol"]: c for c in report["changes"] if c["kind"] == "symbol-removed"}
    assert removed["son:Vec3.__iter__"]["breaking"] is False
    assert removed["son:Vec3.__iter__"]["detail"] == "method (inherited from tuple now)"
    assert broken_modules(report) == set()
