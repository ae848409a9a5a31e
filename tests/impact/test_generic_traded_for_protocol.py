"""A class trading ``Generic[T]`` for ``Protocol[T]`` (or for a generic base of ours that is
a ``Protocol``) lost no base: ``typing.Protocol`` derives from ``typing.Generic``.

PyGithub 2.0 made ``class Attribute(Generic[T])`` a ``class Attribute(Protocol[T_co])`` and
``class _ValuedAttribute(Attribute, Generic[T])`` a ``class _ValuedAttribute(Attribute[T])``.
Both were reported ``base-removed Generic[T]``, with names not known one by one, and every
maker of a ``_ValuedAttribute`` broke (262 modules, most at import time through
``GithubObject``'s attribute makers).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
from typing import Generic, TypeVar

T = TypeVar("T")


class Attribute(Generic[T]):
    @property
    def value(self):
        raise NotImplementedError


class Valued(Attribute, Generic[T]):
    def __init__(self, value):
        self._value = value

    @property
    def value(self):
        return self._value
'''
NEW = '''\
from typing import Protocol, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Attribute({attribute_bases}):
    @property
    def value(self):
        raise NotImplementedError


class Valued({valued_bases}):
    def __init__(self, value):
        self._value = value

    @property
    def value(self):
        return self._value
'''
USER = '''\
from proj.attributes import Valued

DEFAULT = Valued(3)


def read(raw):
    return Valued(raw).value
'''


def _broken(tmp_path: Path, attribute_bases: str, valued_bases: str,
            user: str = USER) -> set[str]:
    old = {"proj/__init__.py": "", "proj/attributes.py": OLD, "proj/user.py": user}
    new = {**old, "proj/attributes.py": NEW.format(attribute_bases=attribute_bases,
                                                   valued_bases=valued_bases)}
    return broken_modules(impact_between(old, new, tmp_path))


def test_generic_traded_for_a_protocol_loses_nothing(tmp_path: Path) -> None:
    assert _broken(tmp_path, "Protocol[T_co]", "Attribute[T]") == set()


def test_generic_traded_for_a_bare_protocol_loses_nothing(tmp_path: Path) -> None:
    assert _broken(tmp_path, "Protocol", "Attribute, Protocol[T]") == set()


def test_generic_dropped_for_nothing_breaks_only_subscripts(tmp_path: Path) -> None:
    # neither class is generic any more: ``Generic`` gave ``Valued[int]`` (its
    # ``__class_getitem__``) and nothing else the user spells; making and reading a ``Valued``
    # runs as before (it was judged broken while what ``Generic`` gives was not known)
    assert "proj.user" not in _broken(tmp_path, "object", "Attribute")
    subscripted = USER + "\n\nIntValued = Valued[int]\n"
    assert "proj.user" in _broken(tmp_path / "subscripted", "object", "Attribute", subscripted)
