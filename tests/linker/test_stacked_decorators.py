"""What a decorator over another one is given: what the inner decorators returned for this
definition, not every value the inner decorator ever returns (sympy 1.13.3: ``@cacheit`` over
``@doctest_depends_on(...)``, whose ``depends_on_deco(fn)`` returns ``fn``, made cacheit's
wrapper call all 221 functions ``doctest_depends_on`` decorates)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

MARKER = """
def depends_on(**deps):
    def deco(fn):
        fn._deps = deps
        return fn
    return deco

def cached(func):
    def wrapper(*args):
        return func(*args)
    return wrapper
"""


def calls(source: str) -> dict[str, list[str]]:
    return to_pycg(graph_of({"main.py": MARKER + source}))


def test_an_outer_decorator_is_given_what_the_inner_one_returned_for_this_function():
    found = calls("""
@cached
@depends_on(modules=("numpy",))
def flatten(seq):
    return seq

@depends_on(modules=("matplotlib",))
def plot(expr):
    return expr

@depends_on()
def other(x):
    return x
""")
    assert found["main.cached.wrapper"] == ["main.flatten"]


def test_each_stacked_use_gives_its_own_function():
    found = calls("""
@cached
@depends_on()
def a(): pass

@cached
@depends_on()
def b(): pass

@depends_on()
def c(): pass
""")
    assert found["main.cached.wrapper"] == ["main.a", "main.b"]


def test_an_outer_decorator_over_a_wrapping_one_is_given_the_wrapper():
    found = calls("""
def logged(func):
    def inner(*args):
        return func(*args)
    return inner

@cached
@logged
@depends_on()
def f(): pass

@logged
def g(): pass
""")
    assert found["main.cached.wrapper"] == ["main.logged.inner"]
    assert found["main.logged.inner"] == ["main.f", "main.g"]


def test_an_outer_decorator_over_an_outside_one_is_given_the_function():
    # what ``functools.lru_cache`` returns calls the function: taken to give it back, as the
    # decorated name's own value does
    found = calls("""
import functools

@cached
@functools.lru_cache(maxsize=None)
def f(): pass
""")
    assert found["main.cached.wrapper"] == ["main.f"]


def test_a_class_registered_over_another_decorator_is_the_class():
    found = calls("""
REGISTRY = []

def register(cls):
    REGISTRY.append(cls)
    return cls

def tagged(cls):
    cls.tag = True
    return cls

@register
@tagged
class A:
    def run(self): pass

@tagged
class B:
    def run(self): pass

def run_all():
    for cls in REGISTRY:
        cls().run()
""")
    assert found["main.run_all"] == ["main.A.run"]
