"""A def statement binds its name after its decorators run: in testfixtures 9.0's
``class _Reference: @staticmethod def staticmethod(): ...`` the decorator is the builtin, not
the method. The indexer read ``staticmethod`` there as the class's own name too (every class
binding but those after the read), so the decorator's call ``staticmethod(<function>)``
reached the method, and its losing the parameter ``cls`` judged the module broken. A class
body name bound only by the statement reading it is looked up outside the class; a call of
the method that no longer binds still breaks."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = '''\
class Reference:
    @classmethod
    def classmethod(cls):
        pass

    @staticmethod
    def staticmethod({parameters}):
        pass


METHOD_TYPE = type(Reference.classmethod)
{call}
'''


def _broken(tmp_path: Path, call: str = "") -> set[str]:
    before = {"lib.py": LIB.format(parameters="cls", call=call)}
    after = {"lib.py": LIB.format(parameters="", call=call)}
    return broken_modules(impact_between(before, after, tmp_path))


def test_the_decorator_of_a_def_of_its_name_is_not_the_def(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_call_of_the_method_that_no_longer_binds_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, call="Reference.staticmethod(None)") == {"lib"}
