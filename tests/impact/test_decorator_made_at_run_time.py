"""A decorator of ours made by a maker that builds the wrapper at run time, from the
function's own signature (``exec`` of a ``def`` string, as SQLAlchemy's ``util.decorator`` and
the ``decorator`` package's ``FunctionMaker`` do), and marks it as the function's
(``wrapper.__wrapped__ = fn``, ``functools.update_wrapper(wrapper, fn)``: what
``inspect.signature`` follows). The built wrapper hands what it is called with to the caller,
the function first (``target(fn, *args, **kw)``); the caller is ours to read. A call of the
decorated function reaches it with the arguments it was given when the caller hands them on
whole, and breaks only where the function does not take them.

SQLAlchemy 2.0.30 -> 2.0.36 added ``@_generative`` to ``FunctionFilter.filter`` and
``HasHints.with_statement_hint``: 31 of the pair's broken verdicts, and with them most of its
244 broken modules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

# SQLAlchemy's shape: the code string has the function's own parameters
LANGHELPERS = """\
import sys
from functools import update_wrapper


def _exec_code_in_env(code, env, fn_name):
    exec(code, env)
    return env[fn_name]


def decorator(target):
    def decorate(fn):
        code = "def %(name)s(%(args)s):\\n    return target(fn, %(args)s)\\n" % {
            "name": fn.__name__, "args": ", ".join(fn.__code__.co_varnames)}
        env = dict(vars(sys.modules[fn.__module__]))
        env.update({"target": target, "fn": fn})
        decorated = _exec_code_in_env(code, env, fn.__name__)
        decorated.__wrapped__ = fn
        return update_wrapper(decorated, fn)

    return update_wrapper(decorate, target)
"""

# the wrapper built by exec in the maker's own body, marked by update_wrapper only
LANGHELPERS_EXEC = """\
import functools


def decorator(target):
    def decorate(fn):
        env = {"target": target, "fn": fn}
        exec("def wrapper(*args, **kw):\\n    return target(fn, *args, **kw)\\n", env)
        return functools.update_wrapper(env["wrapper"], fn)

    return decorate
"""

# the maker's decorator applied within a decorator of ours (``_generative``)
NESTED = """\
from pkg import langhelpers


def _generative(fn):
    @langhelpers.decorator
    def _generative(fn, self, *args, **kw):
        self = self._generate()
        {call}
        return self

    decorated = _generative(fn)
    decorated.non_generative = fn
    return decorated


class Select:
    def _generate(self):
        return self

{decorator}    def filter(self, {parameters}):
        return self
"""

# the maker's decorator written on the method itself
DIRECT = """\
from pkg import langhelpers


@langhelpers.decorator
def _generative(fn, self, *args, **kw):
    {call}
    return self


class Select:
    def _generate(self):
        return self

{decorator}    def filter(self, {parameters}):
        return self
"""

CATALOG = """\
from pkg.base import Select

QUERY = Select().filter(1, 2)
"""

USER = """\
from pkg import catalog


def run():
    return catalog.QUERY
"""

MAKERS = {"exec in a helper": LANGHELPERS, "exec in the maker": LANGHELPERS_EXEC}
SHAPES = {"nested": NESTED, "direct": DIRECT}


def _broken(tmp_path: Path, call: str, parameters: str, maker: str = LANGHELPERS,
            shape: str = NESTED, catalog: str = CATALOG) -> set[str]:
    def files(decorator: str, catalog: str) -> dict[str, str]:
        return {"pkg/__init__.py": "", "pkg/langhelpers.py": maker,
                "pkg/base.py": shape.format(call=call, decorator=decorator,
                                            parameters=parameters),
                "pkg/catalog.py": catalog, "pkg/user.py": USER}

    return broken_modules(impact_between(files("", catalog),
                                         files("    @_generative\n", CATALOG), tmp_path))


@pytest.mark.parametrize("maker", MAKERS.values(), ids=MAKERS.keys())
@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_a_call_reaches_the_function_with_what_it_was_given(
        maker: str, shape: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, "x = fn(self, *args, **kw)", "*criterion", maker, shape) == set()


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_a_call_the_function_does_not_take_still_breaks(shape: str, tmp_path: Path) -> None:
    # handed on whole, to a function taking three arguments: the head's ``filter(1, 2)``
    # fails (the base's call passed three: a call that never bound the base's function
    # either is not what the decorator breaks, ``test_forwarding_decorator_on_a_refused_call``)
    assert {"pkg.catalog", "pkg.user"} <= _broken(
        tmp_path, "x = fn(self, *args, **kw)", "a, b, c", shape=shape,
        catalog=CATALOG.replace("filter(1, 2)", "filter(1, 2, 3)"))


@pytest.mark.parametrize(("call", "parameters"), [
    ("x = fn(self)", "a, b"),  # the caller drops what it was given
    ("x = fn(self, *args[1:], **kw)", "a, b"),  # or the first of it
    ("x = fn(*args, **kw)", "a, b"),  # or the instance
])
@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_a_caller_that_does_not_hand_the_call_on_whole_still_breaks(
        call: str, parameters: str, shape: str, tmp_path: Path) -> None:
    assert {"pkg.catalog", "pkg.user"} <= _broken(tmp_path, call, parameters, shape=shape)


# a maker whose wrapper is a def of ours dropping what it is given: read, not trusted
DROPPING = """\
from functools import update_wrapper


def decorator(target):
    def decorate(fn):
        def decorated(self):
            return target(fn, self)
        decorated.__wrapped__ = fn
        return update_wrapper(decorated, fn)

    return update_wrapper(decorate, target)
"""

# a maker that marks nothing as the function's: what it builds is not known to be like it
UNMARKED = """\
def decorator(target):
    def decorate(fn):
        env = {"target": target, "fn": fn}
        exec("def wrapper(self):\\n    return target(fn, self)\\n", env)
        return env["wrapper"]

    return decorate
"""


@pytest.mark.parametrize("maker", [DROPPING, UNMARKED], ids=["def dropping", "unmarked"])
def test_a_wrapper_not_known_to_take_what_the_function_takes_still_breaks(
        maker: str, tmp_path: Path) -> None:
    assert {"pkg.catalog", "pkg.user"} <= _broken(
        tmp_path, "x = fn(self, *args, **kw)", "*criterion", maker)
