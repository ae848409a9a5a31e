"""A decorator that came hands the function to its own machinery: those calls are judged on
binding, and a property traded for a getter of ours that calls the function is still read.

passlib 1.7.4 traded ``@property`` for its own ``@memoized_property`` (a class whose
``__get__`` calls the function with the instance and stores the value) on a test case's
``context``; the getter's ``self.__func__(obj)`` and the base's reads ``self.context`` were
judged broken, and ``passlib.utils.decor`` with them, which every handler module imports (29
modules). zipp 3.17 added ``@pass_alpharep`` (``parameterize(...)``, whose ``wrapped`` calls
``func(self, **params)``) to tests that gained the parameter.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

GETTER = '''\
class memoized:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = {get}
        setattr(obj, self.name, value)
        return value
'''
BASE_CASE = '''\
class Case:
    @property
    def context(self):
        return {"a": 1}

    def check(self):
        return self.context["a"]
'''
HEAD_CASE = "from proj.decor import memoized\n\n\n" + BASE_CASE.replace(
    "@property", "@memoized")
HANDLERS = '''\
from proj.decor import memoized


class Handler:
    @memoized
    def digest(self):
        return 1


DEFAULT = Handler().digest
'''


def _getter_impact(tmp_path: Path, get: str = "self.func(obj)") -> set[str]:
    base = {"proj/__init__.py": "", "proj/case.py": BASE_CASE,
            "proj/decor.py": GETTER.format(get="self.func(obj)"), "proj/handlers.py": HANDLERS}
    head = {**base, "proj/case.py": HEAD_CASE, "proj/decor.py": GETTER.format(get=get)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_property_traded_for_a_getter_of_ours_calling_it_breaks_nothing(
        tmp_path: Path) -> None:
    assert _getter_impact(tmp_path) == set()


def test_a_getter_whose_call_does_not_bind_still_breaks(tmp_path: Path) -> None:
    base = {"proj/__init__.py": "", "proj/case.py": BASE_CASE,
            "proj/decor.py": GETTER.format(get="self.func(obj)")}
    head = {**base, "proj/case.py": HEAD_CASE.replace("def context(self)",
                                                      "def context(self, key)")}
    # the getter's call, and every read running it
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.decor", "proj.case"}


PARAMS = '''\
def parameterize(values):
    def decorator(func):
        def wrapped(self):
            for value in values:
                func(self, {args})
        return wrapped
    return decorator
'''
BASE_TEST = '''\
class TestThing:
    def test_a(self):
        assert True
'''
HEAD_TEST = '''\
from proj.params import parameterize

with_value = parameterize([{"value": 1}])


class TestThing:
    @with_value
    def test_a(self, value):
        assert value
'''


def _params_impact(tmp_path: Path, args: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/params.py": PARAMS.format(args="**value"),
            "proj/test_thing.py": BASE_TEST}
    head = {**base, "proj/params.py": PARAMS.format(args=args),
            "proj/test_thing.py": HEAD_TEST}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_parameterizing_decorator_added_breaks_no_call_that_binds(tmp_path: Path) -> None:
    assert _params_impact(tmp_path, "**value") == set()


def test_its_call_that_does_not_bind_still_breaks(tmp_path: Path) -> None:
    assert _params_impact(tmp_path, "1, 2") == {"proj.params"}


def test_a_property_traded_for_a_wrapping_function_still_breaks_its_readers(
        tmp_path: Path) -> None:
    wrapping = "def memoized(func):\n    def inner(self):\n        return func(self)\n" \
               "    return inner\n"
    base = {"proj/__init__.py": "", "proj/case.py": BASE_CASE, "proj/decor.py": wrapping}
    head = {**base, "proj/case.py": HEAD_CASE}
    assert "proj.case" in broken_modules(impact_between(base, head, tmp_path))
