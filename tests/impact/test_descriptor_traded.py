"""One descriptor traded for another on a method (``@cachedprop`` of ours for ``@property``,
``abstractmethod`` aside): reading the attribute gives what the function returns in both
revisions, so only an assignment to it may fail now. (emmett 2.5 traded ``@cachedprop`` for
``@property @abstractmethod`` on ``Request.body``; ``await self.body`` was judged broken.)"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = """
class cachedprop:
    def __init__(self, fget):
        self.fget = fget
        self.__name__ = fget.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        obj.__dict__[self.__name__] = rv = self.fget(obj)
        return rv
"""
REQUEST = """
from pkg.utils import cachedprop


class Request:
    @cachedprop
    def body(self):
        return b"data"
"""
REQUEST_NOW = """
from abc import ABCMeta, abstractmethod


class Request(metaclass=ABCMeta):
    @property
    @abstractmethod
    def body(self): ...


class ASGIRequest(Request):
    @property
    def body(self):
        return b"data"
"""


def _broken(tmp_path: Path, user: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS, "pkg/request.py": REQUEST,
            "pkg/user.py": user}
    return broken_modules(impact_between(base, {**base, "pkg/request.py": REQUEST_NOW},
                                         tmp_path))


def test_reading_the_attribute_is_not_broken(tmp_path: Path) -> None:
    user = ("from pkg.request import Request\n\n\ndef load(request: Request):\n"
            "    return request.body.decode()\n")
    assert _broken(tmp_path, user) == set()


def test_assigning_it_breaks(tmp_path: Path) -> None:
    user = ("from pkg.request import Request\n\n\ndef fake(request: Request):\n"
            "    request.body = b''\n    return request.body\n")
    assert _broken(tmp_path, user) == {"pkg.user"}


FACTORY = """
import asyncio


class _cached_prop:
    def __init__(self, fget, name):
        self.fget, self.__name__ = fget, name

    def __get__(self, obj, cls):
        if obj is None:
            return self
        obj.__dict__[self.__name__] = rv = self.fget(obj)
        return rv


class _cached_prop_loop(_cached_prop):
    pass


def cachedprop(fget, name=None):
    name = name or fget.__name__
    if asyncio.iscoroutinefunction(fget):
        return _cached_prop_loop(fget, name)
    return _cached_prop(fget, name)


def plain(fget):
    return fget
"""


def test_a_function_of_ours_making_descriptors_is_a_descriptor_too(tmp_path: Path) -> None:
    # emmett's own ``cachedprop`` picks one of two descriptor classes
    user = ("from pkg.request import Request\n\n\ndef load(request: Request):\n"
            "    return request.body.decode()\n")
    base = {"pkg/__init__.py": "", "pkg/utils.py": FACTORY, "pkg/request.py": REQUEST,
            "pkg/user.py": user}
    assert broken_modules(impact_between(base, {**base, "pkg/request.py": REQUEST_NOW},
                                         tmp_path)) == set()


def test_a_function_of_ours_returning_its_argument_is_no_descriptor(tmp_path: Path) -> None:
    # ``@plain`` left ``body`` a method: ``request.body.decode()`` read a bound method
    user = ("from pkg.request import Request\n\n\ndef load(request: Request):\n"
            "    return request.body.decode()\n")
    base = {"pkg/__init__.py": "", "pkg/utils.py": FACTORY,
            "pkg/request.py": REQUEST.replace("import cachedprop", "import plain").replace(
                "@cachedprop", "@plain"), "pkg/user.py": user}
    assert broken_modules(impact_between(base, {**base, "pkg/request.py": REQUEST_NOW},
                                         tmp_path)) == {"pkg.user"}
