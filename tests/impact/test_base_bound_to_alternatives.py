"""A base name bound to a class of ours in one branch and to a standard class in the other.

graphene 2.1's ``pyutils.init_subclass`` defined ``class InitSubclassMeta(type)`` under
``if not hasattr(object, "__init_subclass__")`` (Python 2), and ``InitSubclassMeta = type``
otherwise; graphene 3.0 dropped it and made ``SubclassWithMeta_Meta(InitSubclassMeta)``
``SubclassWithMeta_Meta(type)``. The class was taken to have lost the fallback's ``__new__``
and ``__init__``: every metaclass deriving from it broke at import time, and with them
``graphene`` (11 modules). On this Python the name was ``type``, which the class still
derives from: nothing is taken away for certain, as for a class defined by more than one
statement (``compare_bases``).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

COMPAT = '''\
available = hasattr(object, "__init_subclass__")

if not available:

    class InitMeta(type):
        def __new__(cls, name, bases, ns, **kwargs):
            return super().__new__(cls, name, bases, ns)

        def __init__(cls, name, bases, ns, **kwargs):
            super().__init__(name, bases, ns)

else:
    InitMeta = type
'''
OLD = '''\
from compat import InitMeta


class Meta(InitMeta):
    def __str__(cls):
        return cls.__name__
'''
NEW = '''\
class Meta(type):
    def __str__(cls):
        return cls.__name__
'''
USER = '''\
from lib import Meta


class Base(metaclass=Meta):
    pass


class Own(Meta):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
'''


def _broken(tmp_path: Path, compat: str = COMPAT) -> set[str]:
    old = {"compat.py": compat, "lib.py": OLD, "user.py": USER}
    report = impact_between(old, {"lib.py": NEW, "user.py": USER}, tmp_path)
    return broken_modules(report)


def test_a_base_bound_to_the_standard_class_kept_takes_nothing_away(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_base_bound_to_another_standard_class_still_breaks(tmp_path: Path) -> None:
    compat = COMPAT.replace("    InitMeta = type", "    InitMeta = dict")
    assert "user" in _broken(tmp_path, compat=compat)
