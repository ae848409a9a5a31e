"""A class losing its ``Generic[T]`` base loses ``Cls[...]`` (``__class_getitem__``) and
nothing else its users can spell: the code that still subscripts it breaks, the rest runs as
before. (simple-parsing 0.1.0 dropped ``Wrapper``'s ``Generic[T]`` and, with it, the
``Wrapper[dataclasses.Field]`` base of ``FieldWrapper``; the subclass modules and every
importer of them, 24 modules, were judged broken at import, while the package's own tests
pass.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

WRAPPER = """
from abc import ABC
from typing import Generic, TypeVar

T = TypeVar("T")


class Wrapper(Generic[T], ABC):
    def __init__(self):
        self.dest = None
"""
WRAPPER_NOW = """
from abc import ABC


class Wrapper(ABC):
    def __init__(self):
        self.dest = None
"""
SUBCLASS = """
import dataclasses

from pkg.wrapper import Wrapper


class FieldWrapper(Wrapper[dataclasses.Field]):
    pass
"""
SUBCLASS_NOW = """
from pkg.wrapper import Wrapper


class FieldWrapper(Wrapper):
    def keys(self):
        return self.dest["keys"]
"""


def _broken(tmp_path: Path, head_user: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/wrapper.py": WRAPPER, "pkg/fields.py": SUBCLASS,
            "pkg/user.py": head_user}
    head = {**base, "pkg/wrapper.py": WRAPPER_NOW, "pkg/fields.py": SUBCLASS_NOW}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_subclass_no_longer_subscripting_the_class_is_not_broken(tmp_path: Path) -> None:
    assert _broken(tmp_path, "from pkg.fields import FieldWrapper\n\n\n"
                             "def make():\n    return FieldWrapper()\n") == set()


@pytest.mark.parametrize("user", [
    "from pkg.wrapper import Wrapper\n\nIntWrapper = Wrapper[int]\n",
    "from pkg.wrapper import Wrapper as W\n\n\ndef make():\n    return W[int]()\n",
    "from pkg.wrapper import Wrapper\n\n\nclass Mine(Wrapper[str]):\n    pass\n",
])
def test_code_still_subscripting_the_class_breaks(user: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, user) == {"pkg.user"}
