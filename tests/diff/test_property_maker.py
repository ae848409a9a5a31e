"""A decorator of ours that makes a property, traded for the standard one it spells.

pymongo 4.0 dropped ``bson.py3compat`` and with it ``abstractproperty`` (``abc``'s, or on
Python 3 a function returning ``property(abstractmethod(func))``) for a function of its own,
``_abstractproperty(func): return property(abc.abstractmethod(func))``. The diff read the new
decorator as a name it knew nothing of and reported a breaking ``decorator-changed``
(``-abstractmethod -property +_abstractproperty``); ``bson.codec_options`` reads
``codec.bson_type`` as its module is imported, so it broke, and every importer of ``bson``.
"""

from __future__ import annotations

from pathlib import Path

from git_support import impact_between

OLD = '''\
import abc


class TypeDecoder(abc.ABC):
    @abc.abstractproperty
    def bson_type(self):
        pass
'''
NEW = '''\
import abc


def _abstractproperty(func):
    return property(abc.abstractmethod(func))


class TypeDecoder(abc.ABC):
    @_abstractproperty
    def bson_type(self):
        pass
'''
USER = "from codec import TypeDecoder\n\n\ndef kind(d: TypeDecoder):\n    return d.bson_type\n"


def _decorator_changes(tmp_path: Path, new: str) -> list[dict]:
    report = impact_between({"codec.py": OLD, "user.py": USER}, {"codec.py": new, "user.py": USER},
                            tmp_path)
    return [c for c in report["changes"] if c["kind"] == "decorator-changed"]


def test_a_function_of_ours_making_the_same_property_is_no_breaking_change(
        tmp_path: Path) -> None:
    assert not [c for c in _decorator_changes(tmp_path, NEW) if c["breaking"]]


def test_a_function_of_ours_making_something_else_is_still_a_change(tmp_path: Path) -> None:
    other = NEW.replace("return property(abc.abstractmethod(func))", "return func")
    assert [c for c in _decorator_changes(tmp_path, other) if c["breaking"]]
