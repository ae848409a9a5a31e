"""A decorator of ours removed from a function: a head call reaches what is left of it.

hypothesis 6.0 removed its ``@deprecated_posargs`` (a function of ours whose wrapper took
``*args, **kwargs``, moved extra positional arguments onto the keyword-only parameters with a
warning, then called the function) from ~45 strategies. Every head call of them was judged
broken, whether it bound the function or not, and module code calling them at import time
(``st.floats()`` in ``strategies._internal.types``) broke its module and every importer: 73
modules broken, none of them truly. A head call runs what the decorators left make of the
function itself; it breaks when that does not take it.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DEPRECATION = '''\
import inspect
import warnings


def deprecated_posargs(func):
    signature = inspect.signature(func)

    def accept(*args, **kwargs):
        bound = signature.bind_partial(*args[:1], **kwargs)
        if len(args) > 1:
            warnings.warn("pass step by name")
            bound.arguments["step"] = args[1]
        return func(*bound.args, **bound.kwargs)
    return accept
'''
OLD = '''\
from reflection import deprecated_posargs


@deprecated_posargs
def floats(low=None, *, step=1):
    return low, step
'''
NEW = '''\
def floats(low=None, *, step=1):
    return low, step
'''
USER = '''\
from lib import floats

DEFAULT = floats(0, step=2)
'''


def _broken(tmp_path: Path, new: str = NEW, user: str = USER, *,
            head_user: str | None = None) -> set[str]:
    files = {"reflection.py": DEPRECATION, "lib.py": OLD, "user.py": user}
    head = {"reflection.py": DEPRECATION, "lib.py": new, "user.py": head_user or user}
    return broken_modules(impact_between(files, head, tmp_path))


def test_a_head_call_binding_the_function_breaks_nothing(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_head_call_the_function_does_not_take_breaks(tmp_path: Path) -> None:
    # the wrapper took a second positional argument; the function itself does not
    assert "user" in _broken(tmp_path, user=USER.replace("step=2", "2"))


def test_a_decorator_left_above_is_kept_and_the_call_judged(tmp_path: Path) -> None:
    old = "import functools\n" + OLD.replace("@deprecated_posargs\n",
                                              "@functools.lru_cache\n@deprecated_posargs\n")
    new = "import functools\n\n\n@functools.lru_cache\n" + NEW
    files = {"reflection.py": DEPRECATION, "lib.py": old, "user.py": USER}
    head = {"reflection.py": DEPRECATION, "lib.py": new, "user.py": USER}
    assert broken_modules(impact_between(files, head, tmp_path / "binds")) == set()
    files["user.py"] = head["user.py"] = USER.replace("step=2", "2")
    assert "user" in broken_modules(impact_between(files, head, tmp_path / "does-not"))


def test_a_call_whose_result_is_entered_still_breaks(tmp_path: Path) -> None:
    # a wrapper of ours may have made what the call returns a context manager: entering the
    # bare function's result is not known to work
    managed = DEPRECATION.replace("deprecated_posargs", "managed")
    old = OLD.replace("deprecated_posargs", "managed")
    user = "from lib import floats\n\n\ndef use():\n    with floats(0, step=2):\n        pass\n"
    files = {"reflection.py": managed, "lib.py": old, "user.py": user}
    head = {"reflection.py": managed, "lib.py": NEW, "user.py": user}
    assert "user" in broken_modules(impact_between(files, head, tmp_path))


def test_a_function_named_by_a_string_is_no_certain_break(tmp_path: Path) -> None:
    # hypothesis 6.0's codemods name the strategies by dotted string to read their
    # signatures: outside code calling what a string names passes what the old signature
    # required, which the bare function takes
    user = 'NAMED = ("lib.floats",)\n'
    assert _broken(tmp_path, user=user) == set()


# gin-config 0.5 traded ``@configurable(module='gin')`` (its wrapper fills parameters from the
# configuration) for ``@register(module='gin')``, which records the function and gives it
# back, bare (``@register``) or called (``@register(module=...)``)
REGISTRY = '''\
_REGISTRY = {}


def configurable(name=None, module=None):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            return fn(*args, **{**_REGISTRY.get(fn.__name__, {}), **kwargs})
        return wrapper
    return decorate


def register(name_or_fn=None, module=None):
    target = None
    if callable(name_or_fn):
        target = name_or_fn

    def perform(fn):
        _REGISTRY[fn.__name__] = {}
        return fn

    if target:
        return perform(target)
    return perform


def traced(module=None):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            print(module, args)
            return fn(*args, **kwargs)
        return wrapper
    return decorate
'''
TRADED = '''\
from reflection import configurable, register, traced


@{decorator}(module='gin')
def floats(low=None, *, step=1):
    return low, step
'''


def test_a_wrapper_traded_for_a_decorator_giving_the_function_back_judges_the_call(
        tmp_path: Path) -> None:
    def broken(user: str, added: str = "register", where: str = "") -> set[str]:
        files = {"reflection.py": REGISTRY, "lib.py": TRADED.format(decorator="configurable"),
                 "user.py": user}
        head = {**files, "lib.py": TRADED.format(decorator=added)}
        return broken_modules(impact_between(files, head, tmp_path / where))

    assert broken(USER, where="binds") == set()
    assert broken(USER.replace("step=2", "2"), where="does-not") == {"user"}
    # a wrapper of ours traded for another wrapper: not known to take the call
    assert broken(USER, added="traced", where="wrapped") == {"user"}
