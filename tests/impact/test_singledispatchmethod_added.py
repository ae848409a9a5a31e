"""A method made a ``functools.singledispatchmethod`` is called as before: the call runs if
it binds, with a first argument (after ``self``) passed by position, which it dispatches on.

requests-cache 1.2 made ``CattrStage.dumps`` and ``loads`` ``@singledispatchmethod``s (an
``@dumps.register`` implementation for ``CachedResponse``); ``singledispatch`` was known to
rebind only, ``singledispatchmethod`` was not, and every caller broke (3 modules:
``SerializerPipeline.dumps`` calls each stage's ``dumps(value)``).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
class Stage:
    def dumps(self, value):
        if not isinstance(value, dict):
            return value
        return sorted(value)
'''
NEW = '''\
from functools import singledispatchmethod


class Stage:
    @singledispatchmethod
    def dumps(self, value):
        return value

    @dumps.register
    def _(self, value: dict):
        return sorted(value)
'''


def _broken(tmp_path: Path, call: str) -> set[str]:
    user = f"from proj.stages import Stage\n\n\ndef save(raw):\n    return {call}\n"
    old = {"proj/__init__.py": "", "proj/stages.py": OLD, "proj/user.py": user}
    new = {**old, "proj/stages.py": NEW}
    return broken_modules(impact_between(old, new, tmp_path))


def test_a_call_passing_the_value_by_position_still_runs(tmp_path: Path) -> None:
    assert _broken(tmp_path, "Stage().dumps(raw)") == set()


def test_a_call_passing_the_value_by_keyword_breaks(tmp_path: Path) -> None:
    # ``singledispatchmethod`` dispatches on the first positional argument: there is none
    assert "proj.user" in _broken(tmp_path, "Stage().dumps(value=raw)")


def test_a_call_no_longer_binding_breaks(tmp_path: Path) -> None:
    assert "proj.user" in _broken(tmp_path, "Stage().dumps(raw, 2)")
