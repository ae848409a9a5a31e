"""A descriptor traded for a method-making decorator: a head call of the method runs if it binds.

pint 0.23's vendored flexparser traded its own descriptor ``@classproperty`` (a class with
``__get__``) for ``@classmethod`` on ``Block.body_classes`` and two siblings, and its reads
``cls.body_classes`` for calls ``cls.body_classes()``. A ``decorator-changed`` of decorators not
known was judged to break every call, the head's written ones too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

DESCRIPTOR = '''\
class classproperty:
    def __init__(self, fget):
        self.fget = fget

    def __get__(self, owner_self, owner_cls):
        return self.fget(owner_cls)


'''
BASE = DESCRIPTOR + '''\
class Block:
    @{old}
    def kinds(cls):
        return [1, 2]
'''
HEAD = DESCRIPTOR + '''\
class Block:
    @{new}
    def kinds(cls{extra}):
        return [1, 2]
'''
BASE_USER = "from proj.blocks import Block\n\n\ndef run():\n    return list(Block.kinds)\n"
HEAD_USER = "from proj.blocks import Block\n\n\ndef run():\n    return list(Block.kinds())\n"


def _impact(tmp_path: Path, old: str, new: str, extra: str = "") -> set[str]:
    base = {"proj/__init__.py": "", "proj/blocks.py": BASE.format(old=old),
            "proj/user.py": BASE_USER}
    head = {**base, "proj/blocks.py": HEAD.format(new=new, extra=extra),
            "proj/user.py": HEAD_USER}
    return broken_modules(impact_between(base, head, tmp_path))


@pytest.mark.parametrize("old", ["classproperty", "property"])
def test_a_descriptor_made_a_classmethod_breaks_no_call_that_binds(
        old: str, tmp_path: Path) -> None:
    new = "classmethod" if old == "classproperty" else "staticmethod"
    assert _impact(tmp_path, old, new, "" if new == "classmethod" else "=None") == set()


def test_a_call_the_method_does_not_bind_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, "classproperty", "classmethod", ", kind") == {"proj.user"}


def test_a_decorator_of_ours_that_is_no_descriptor_still_breaks(tmp_path: Path) -> None:
    base = {"proj/__init__.py": "",
            "proj/blocks.py": BASE.format(old="wrapped").replace(
                "class Block:", "def wrapped(f):\n    return lambda *a: f\n\n\nclass Block:"),
            "proj/user.py": BASE_USER}
    head = {**base, "proj/blocks.py": HEAD.format(new="classmethod", extra=""),
            "proj/user.py": HEAD_USER}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.user"}
