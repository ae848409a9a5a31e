"""An outside decorator removed from a function left bare: a head call runs the function.

clize 5.0 dropped sigtools' ``@modifiers.kwoargs(start='name')`` from ``value_converter``
for a ``*`` in its parameters (the same keyword-only ``name``). Nothing is known of an
outside decorator's wrapper, so every call was broken, among them the module code of
``clize.parser`` applying ``@value_converter(name='BYTES')``: ``clize`` broke at import
time, and every example importing it (32 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
from sigtools import modifiers


@modifiers.kwoargs(start="name")
def converter(func=None, name=None):
    return func, name
'''
NEW = '''\
def converter(func=None, *, name=None):
    return func, name
'''
USER = '''\
from lib import converter

BYTES = converter(bytes, name="BYTES")
'''


def _broken(tmp_path: Path, new: str, user: str = USER) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": user}, {"lib.py": new, "user.py": user},
                            tmp_path)
    return broken_modules(report)


def test_a_call_binding_the_bare_function_breaks_nothing(tmp_path: Path) -> None:
    assert _broken(tmp_path, NEW) == set()


def test_a_call_the_bare_function_does_not_take_still_breaks(tmp_path: Path) -> None:
    assert "user" in _broken(tmp_path, NEW, USER.replace('name="BYTES"', '"BYTES"'))


def test_one_of_our_own_decorators_removed_judges_the_head_call_alike(tmp_path: Path) -> None:
    # (test_own_decorator_removed.py): what its wrapper did is gone with it, and the head
    # call binds the function itself
    ours = OLD.replace("from sigtools import modifiers\n", "import mods as modifiers\n")
    mods = '''\
def kwoargs(start):
    def wrap(func):
        def inner(key, extra):
            return func(key, extra, 1)
        return inner
    return wrap
'''
    report = impact_between({"lib.py": ours, "mods.py": mods, "user.py": USER},
                            {"lib.py": NEW, "mods.py": mods, "user.py": USER}, tmp_path)
    assert broken_modules(report) == set()


def test_a_decorator_left_in_the_head_is_judged_as_before(tmp_path: Path) -> None:
    kept = "import functools\n\n\n@functools.lru_cache\n" + NEW
    assert "user" in _broken(tmp_path, kept)
