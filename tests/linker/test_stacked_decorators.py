"""Stacked decorators: the outer one is given what the inner one returned for this function,
not what it returns for every function it decorates."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

SOURCE = """
def tag(**kw):
    def deco(fn):
        fn.tags = kw
        return fn
    return deco

def cache(func):
    def wrapper(*a, **k):
        return func(*a, **k)
    return wrapper

@cache
@tag(x=1)
def f(): pass

@tag(x=2)
def g(): pass

@tag(x=3)
def h(): pass

f()
"""


def test_a_wrapper_over_an_identity_decorator_calls_only_its_own_function():
    # sympy 1.13.3: ``@cacheit`` over ``@doctest_depends_on(...)`` (which returns the function
    # it is given) made cacheit's wrapper call every function ``doctest_depends_on`` decorates
    # anywhere, ``plot_implicit`` among them; ``flatten`` gaining a parameter then "broke" the
    # 723 modules calling any cached function at import time
    calls = to_pycg(graph_of({"main.py": SOURCE}))
    assert calls["main.cache.wrapper"] == ["main.f"]


def test_a_wrapper_over_a_wrapper_still_calls_through():
    source = SOURCE.replace("@tag(x=1)", "@cache")
    calls = to_pycg(graph_of({"main.py": source}))
    assert calls["main.cache.wrapper"] == ["main.cache.wrapper", "main.f"]
