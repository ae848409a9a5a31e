"""A decorator that is a class of ours traded for a subclass of it that defines nothing (or
the other way round): the same object is made of what it decorates. disnake 2.10 traded
``@flag_value`` for ``@alias_flag_value`` (``class alias_flag_value(flag_value): pass``) on
``Intents.emojis``; 142 modules were judged broken through ``flag_value.__init__``."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

FLAGS = '''\
class flag_value:
    def __init__(self, func):
        self.flag = func(None)

    def __get__(self, instance, owner):
        return self if instance is None else bool(instance.value & self.flag)


class alias_flag_value(flag_value):
    pass


class other_flag_value(flag_value):
    def __get__(self, instance, owner):
        return self.flag


class Intents:
    value = 0

    @{decorator}
    def emojis(self):
        return 1 << 3
'''
USER = '''\
from pkg.flags import Intents


def wants_emojis(intents: Intents):
    return intents.emojis
'''


def _report(tmp_path: Path, decorator: str) -> dict:
    base = {"pkg/__init__.py": "", "pkg/user.py": USER,
            "pkg/flags.py": FLAGS.format(decorator="flag_value")}
    return impact_between(base, {**base, "pkg/flags.py": FLAGS.format(decorator=decorator)},
                          tmp_path)


def test_a_subclass_defining_nothing_makes_the_same_descriptor(tmp_path: Path) -> None:
    report = _report(tmp_path, "alias_flag_value")
    assert [(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]
            if c["kind"] == "decorator-changed"] == [
        ("pkg.flags:Intents.emojis", "decorator-changed", False)]
    assert broken_modules(report) == set()


def test_a_subclass_with_a_method_of_its_own_is_another_decorator(tmp_path: Path) -> None:
    report = _report(tmp_path, "other_flag_value")
    assert ("pkg.flags:Intents.emojis", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
