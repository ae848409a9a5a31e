"""Class decorators removed from a class that now derives from a base carrying them: the class
inherits what they made of the base, and is made by the ``__init__`` it inherits. (trafaret
2.0 moved ``@py3metafix`` and ``List``'s body to a new base ``Iterable``; ``t.List(...)`` in
``trafaret.constructor`` was judged broken.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LIB = "def metafix(cls):\n    return cls.__metaclass__(cls.__name__, (cls,), {})\n"
BASE = """
from pkg.lib import metafix


class Meta(type):
    def __getitem__(cls, item):
        return cls(item)


@metafix
class List:
    __metaclass__ = Meta

    def __init__(self, trafaret, min_length=0):
        self.trafaret = trafaret
        self.min_length = min_length
"""
BASE_NOW = """
from pkg.lib import metafix, other


class Meta(type):
    def __getitem__(cls, item):
        return cls(item)


@{decorator}
class Iterable:
    __metaclass__ = Meta

    def __init__(self, trafaret, min_length=0):
        self.trafaret = trafaret
        self.min_length = min_length


class List(Iterable):
    pass
"""


def _broken(tmp_path: Path, call: str, decorator: str = "metafix") -> set[str]:
    user = f"from pkg import base\n\n\ndef construct(arg):\n    return {call}\n"
    files = {"pkg/__init__.py": "", "pkg/lib.py": LIB, "pkg/base.py": BASE,
             "pkg/construct.py": user}
    head = {**files, "pkg/base.py": BASE_NOW.format(decorator=decorator),
            "pkg/lib.py": LIB + "\n\ndef other(cls):\n    return cls\n"}
    return broken_modules(impact_between(files, head, tmp_path))


def test_making_the_class_with_what_the_inherited_init_takes_is_not_broken(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, "base.List(arg, min_length=1)") == set()


@pytest.mark.parametrize("call, decorator", [
    ("base.List()", "metafix"),  # the inherited ``__init__`` needs ``trafaret``
    ("base.List(arg)", "other"),  # the base carries another decorator
])
def test_otherwise_it_breaks(call: str, decorator: str, tmp_path: Path) -> None:
    assert "pkg.construct" in _broken(tmp_path, call, decorator)
