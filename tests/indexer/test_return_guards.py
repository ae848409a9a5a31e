"""Return statements guarded by the shape of the arguments (``if func is None: return wrap``):
the indexer binds such a return's value under a key of its own (``<return>`` holds that key)
and records the guard, with the defaults of the parameters it names, so that the linker can
drop the return for a call whose arguments make the guard false."""

from __future__ import annotations

import textwrap

from impactgraph.indexer import summarize
from impactgraph.model import FileSummary
from impactgraph.serialize import summary_from_bytes, summary_to_bytes


def _summary(source: str) -> FileSummary:
    return summarize(textwrap.dedent(source), "m", "m.py")


def _guards(source: str, function: str) -> list[tuple[str, ...]]:
    """The guards of ``function``'s returns, in the order of the returns."""
    summary = _summary(source)
    prefix = f"v:m:{function}|"
    return [guard for key, guard in summary.return_guards if key.startswith(prefix)]


def _returns(source: str, function: str) -> tuple[tuple[str, ...], ...]:
    bindings = dict(_summary(source).bindings)
    return bindings.get(f"v:m:{function}|<return>", ())


TENACITY = """
def retry(*dargs, **dkw):
    if len(dargs) == 1 and callable(dargs[0]):
        return retry()(dargs[0])
    else:
        def wrap(f):
            return f
        return wrap
"""

DATACLASS = """
def dataclass(cls=None, /, *, init=True):
    def wrap(cls):
        return cls
    if cls is None:
        return wrap
    return wrap(cls)
"""

PARTIAL = """
import functools

def deco(func=None, *, opt=1):
    if func is None:
        return functools.partial(deco, opt=opt)
    elif not opt:
        return func
    return func
"""


def test_a_return_under_an_if_and_its_else_branch() -> None:
    assert _guards(TENACITY, "retry") == [
        ("len(dargs) == 1 and callable(dargs[0])", "dargs=*"),
        ("not (len(dargs) == 1 and callable(dargs[0]))", "dargs=*"),
    ]
    # <return> holds the guarded keys, which hold the values
    summary = _summary(TENACITY)
    bindings = dict(summary.bindings)
    keys = [key for key, _ in summary.return_guards]
    assert _returns(TENACITY, "retry") == tuple((key,) for key in keys)
    assert ("v:m:retry|wrap",) in bindings[keys[1]]


def test_the_fall_through_after_an_if_that_returns() -> None:
    assert _guards(DATACLASS, "dataclass") == [
        ("cls is None", "cls=none"),
        ("not (cls is None)", "cls=none"),
    ]


def test_elif_and_truthiness_and_defaults_that_are_constants() -> None:
    assert _guards(PARTIAL, "deco") == [
        ("func is None", "func=none"),
        ("not (func is None) and not bool(opt)", "func=none", "opt=const"),
        ("not (func is None) and bool(opt)", "func=none", "opt=const"),
    ]


def test_other_forms() -> None:
    source = """
    def f(a, b=g, *rest, c=(), **kw):
        if a is not None or isinstance(b, int):
            return 1
        if not rest and callable(b):
            return a
        if len(rest) > 2:
            return b
        if a.ready and c is None:
            return c
        return kw
    """
    first = "not (a is not None or isinstance(b))"
    second = "not (not bool(rest) and callable(b))"
    assert _guards(source, "f") == [
        (f"{first} and not bool(rest) and callable(b)", "a=!", "b=?", "rest=*"),
        (f"{first} and {second} and len(rest) > 2", "a=!", "b=?", "rest=*"),
        (f"{first} and {second} and not (len(rest) > 2) and ... and c is None",
         "a=!", "b=?", "c=const", "rest=*"),
        (f"{first} and {second} and not (len(rest) > 2) and not (... and c is None)",
         "a=!", "b=?", "c=const", "rest=*"),
    ]
    # ``return 1`` binds nothing (a constant): no key is made for it
    assert len(_returns(source, "f")) == 4


def test_no_guard_when_the_parameter_is_rebound_or_the_condition_is_unknown() -> None:
    source = """
    def f(func=None):
        if func is None:
            func = g
            return func
        return h

    def k(x):
        if x.ready():
            return g
        return h

    def unguarded(func):
        return func
    """
    assert _guards(source, "f") == []
    assert _guards(source, "k") == []
    assert _guards(source, "unguarded") == []
    assert _returns(source, "unguarded") == (("v:m:unguarded|func",),)


def test_no_guard_on_a_parameter_deleted_or_declared_global_or_nonlocal_anywhere() -> None:
    source = """
    def f(func=None):
        if func is None:
            return g
        return h

    def setter():
        global func

    def d(opt=None):
        if opt is None:
            return g
        del opt
        return h

    def outer(cb=None):
        def inner():
            nonlocal cb
        if cb is None:
            return g
        return h

    def kept(arg=None):
        if arg is None:
            return g
        return h
    """
    assert _guards(source, "f") == []  # the global is declared in another function
    assert _guards(source, "d") == []
    assert _guards(source, "outer") == []
    assert _guards(source, "kept") == [
        ("arg is None", "arg=none"), ("not (arg is None)", "arg=none"),
    ]


def test_guards_inside_loops_try_and_with_keep_the_enclosing_ifs() -> None:
    source = """
    def f(func=None):
        if func is None:
            for x in range(3):
                try:
                    return g
                except ValueError:
                    return h
        with open("x"):
            return func
    """
    assert _guards(source, "f") == [
        ("func is None", "func=none"),
        ("func is None", "func=none"),
    ]


def test_guards_survive_the_cache_encoding() -> None:
    summary = _summary(TENACITY)
    assert summary.return_guards
    assert summary_from_bytes(summary_to_bytes(summary)) == summary
