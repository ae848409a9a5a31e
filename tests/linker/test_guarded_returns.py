"""Decorators usable bare or with arguments: a call's result leaves out the returns whose guard
on the shape of the arguments (``if func is None``, ``len(dargs) == 1``, ``callable(...)``) is
false for that call, and keeps them whenever that is not certain."""

from __future__ import annotations

import textwrap

import pytest
from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

RETRY = """
class Retrying:
    def __init__(self, *args, **kwargs):
        self.args = args

    def wraps(self, f):
        def wrapped_f(*args, **kw):
            return self(f, *args, **kw)
        return wrapped_f

    def __call__(self, fn, *args, **kwargs):
        return fn(*args, **kwargs)


def retry(*dargs, **dkw):
    if len(dargs) == 1 and callable(dargs[0]):
        return retry()(dargs[0])
    else:
        def wrap(f):
            r = Retrying(*dargs, **dkw)
            return r.wraps(f)
        return wrap


def stop_after(n):
    return n
"""

DEFAULTED = """
import functools


class Wrapper:
    def __init__(self, func):
        self.func = func

    def __call__(self):
        return self.func()


def register(func=None, *, name=""):
    if func is None:
        return functools.partial(register, name=name)
    return Wrapper(func)


def dataclass(cls=None, /, *, init=True):
    def wrap(cls):
        return Wrapper(cls)
    if cls is None:
        return wrap
    return wrap(cls)
"""


def calls(files: dict[str, str], caller: str) -> set[str]:
    graph = to_pycg(graph_of({k: textwrap.dedent(v) for k, v in files.items()}))
    return {c for c in graph.get(caller, []) if not c.startswith("<builtin>")}


def test_a_decorator_called_with_keywords_gives_the_decorator_it_returns() -> None:
    app = """
    from lib import retry, stop_after

    def work():
        pass

    @retry(stop=stop_after(3))
    def job():
        work()

    @retry(reraise=True)
    def other():
        work()

    OPTIONS = {"reraise": True}

    @retry(**OPTIONS)  # no positional argument: len(dargs) == 0
    def third():
        work()
    """
    found = calls({"lib.py": RETRY, "app.py": app}, "app")
    assert "lib.retry.wrap" in found
    assert "lib.Retrying.wraps.wrapped_f" not in found  # the wrapper is not called on import
    # nor does retry itself call it: retry() (no argument) returns wrap only
    assert "lib.Retrying.wraps.wrapped_f" not in calls({"lib.py": RETRY}, "lib.retry")


def test_a_decorator_applied_bare_still_calls_what_its_bare_branch_calls() -> None:
    app = """
    from lib import retry

    def work():
        pass

    @retry
    def job():
        work()

    VALUE = job()
    """
    found = calls({"lib.py": RETRY, "app.py": app}, "app")
    assert "lib.retry" in found
    assert "lib.Retrying.wraps.wrapped_f" in found  # job() runs the wrapper


def test_a_parameter_not_passed_holds_its_default() -> None:
    app = """
    from lib import register, dataclass

    @register(name="x")
    def job():
        pass

    @dataclass(init=False)
    class Point:
        pass
    """
    found = calls({"lib.py": DEFAULTED, "app.py": app}, "app")
    # register(name=...) gives the partial (register again); not a Wrapper to call
    assert "lib.register" in found
    assert "lib.Wrapper.__call__" not in found
    # dataclass(init=False) gives wrap; wrap(cls) (a Wrapper) is not what is applied
    assert "lib.dataclass.wrap" in found


def test_applied_bare_the_other_branch_is_taken() -> None:
    app = """
    from lib import register, dataclass

    @register
    def job():
        pass

    @dataclass
    class Point:
        pass

    job()
    Point()
    """
    found = calls({"lib.py": DEFAULTED, "app.py": app}, "app")
    assert "lib.Wrapper.__call__" in found


@pytest.mark.parametrize(
    "call",
    [
        "register(job)()",  # a plain call: what job holds there is not vouched for
        "register(func=pick())()",  # a keyword whose value is unknown (None here)
        "register(*HANDLERS)()",  # unpacked: the arity is unknown
        "register(None)()",  # a constant
        "register(**OPTIONS)()",  # any keyword may be passed, func too
    ],
)
def test_unsure_arguments_keep_every_return(call: str) -> None:
    app = f"""
    from lib import register

    def job():
        pass

    def pick():
        return None

    HANDLERS = [job]
    OPTIONS = {{"func": job}}

    {call}
    """
    found = calls({"lib.py": DEFAULTED, "app.py": app}, "app")
    assert "lib.Wrapper.__call__" in found
    assert "lib.register" in found


def test_unsure_guards_keep_the_return() -> None:
    lib = """
    class Wrapper:
        def __call__(self):
            pass

    def wrap(f):
        return f

    def deco(func=None, *, opt=1):
        if func is None and opt.enabled:
            return wrap
        return Wrapper()

    def rebinding(func=None):
        if func is None:
            func = wrap
            return func
        return Wrapper()
    """
    app = """
    from lib import deco, rebinding

    deco(opt=2)()
    rebinding()()
    """
    found = calls({"lib.py": lib, "app.py": app}, "app")
    assert "lib.Wrapper.__call__" in found
    assert "lib.wrap" in found
    only_rebinding = app.replace("    deco(opt=2)()\n", "")
    assert "lib.Wrapper.__call__" in calls({"lib.py": lib, "app.py": only_rebinding}, "app")


def test_only_the_innermost_decorator_is_vouched_to_get_a_function() -> None:
    lib = """
    def marker():
        pass

    def deco(func=None):
        if func is None:
            return marker
        return func
    """
    app = """
    import functools
    from lib import deco

    @deco
    def bare():
        pass

    @deco
    @functools.lru_cache(maxsize=None)  # what it gives deco is not known
    def stacked():
        pass
    """
    app = app.rstrip(" ")
    assert "lib.marker" not in calls({"lib.py": lib, "app.py": app + "    bare()\n"}, "app")
    assert "lib.marker" in calls({"lib.py": lib, "app.py": app + "    stacked()\n"}, "app")


def test_a_function_a_partial_binds_arguments_of_is_not_known_to_get_its_defaults() -> None:
    lib = """
    import functools

    def marker():
        pass

    def deco(func=None, *, name=None):
        if func is None:
            return functools.partial(deco, name=name)
        if name is None:
            return func
        return marker
    """
    app = """
    from lib import deco

    @deco(name="x")  # deco(job, name="x") through the partial: name is not None there
    def job():
        pass

    job()
    """
    assert "lib.marker" in calls({"lib.py": lib, "app.py": app}, "app")
