"""A ``@property`` traded for a descriptor class of ours (a ``property`` subclass with a
``__get__``): the link follows no read through the head's ``__get__``, so the base's call
edge of a read has no head edge, and was judged a call that no longer resolves. A read still
gives what the function returns.

astropy 6.1 traded ``@property`` for its own ``@lazyproperty`` on
``TransformGraph.frame_attributes`` (and moved the class into
``coordinates/transformations/graph.py``, the package importing it back); ``SkyCoord``'s
reads of ``frame_transform_graph.frame_attributes`` broke, and with the module-level
``SkyCoord`` calls 768 modules at import.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = """\
import threading


class lazyproperty(property):
    def __init__(self, fget, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self._key = self.fget.__name__
        self._lock = threading.RLock()

    def __get__(self, obj, owner=None):
        try:
            return obj.__dict__[self._key]
        except KeyError:
            val = self.fget(obj)
            obj.__dict__[self._key] = val
            return val


def wrapped(func):
    def inner(self):
        return func(self)
    return inner
"""

GRAPH = """\
{imports}

class TransformGraph:
    def __init__(self):
        self._graph = {{}}

    {decorator}
    def frame_attributes(self):
        return dict(self._graph)


frame_transform_graph = TransformGraph()
"""

SKY = """\
from pkg.transformations import frame_transform_graph


class SkyCoord:
    def __init__(self, **kwargs):
        for attr in frame_transform_graph.frame_attributes:
            kwargs.pop(attr, None)
        self.kwargs = kwargs


ORIGIN = SkyCoord()
"""

USER = """\
from pkg.sky import SkyCoord


def test_it():
    assert SkyCoord()
"""


def _broken(tmp_path: Path, decorator: str, *, moved: bool = False) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS,
            "pkg/transformations.py": GRAPH.format(imports="", decorator="@property"),
            "pkg/sky.py": SKY, "tests/test_sky.py": USER}
    head: dict[str, str | None] = dict(base)
    graph = GRAPH.format(imports=f"from pkg.utils import {decorator}",
                         decorator=f"@{decorator}")
    if moved:
        head["pkg/transformations.py"] = None
        head["pkg/transformations/__init__.py"] = (
            "from .graph import TransformGraph, frame_transform_graph\n")
        head["pkg/transformations/graph.py"] = graph.replace(
            "self._graph = {}", "self._graph = {}\n        self._names = None")
    else:
        head["pkg/transformations.py"] = graph
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_property_traded_for_a_descriptor_class_of_ours(tmp_path: Path) -> None:
    assert _broken(tmp_path, "lazyproperty") == set()


def test_the_same_trade_in_a_class_moved_behind_a_reexport(tmp_path: Path) -> None:
    assert _broken(tmp_path, "lazyproperty", moved=True) == set()


def test_a_property_traded_for_a_plain_wrapper_still_breaks(tmp_path: Path) -> None:
    # the attribute is a method now: iterating it fails
    assert {"pkg.sky", "test_sky"} <= _broken(tmp_path, "wrapped")
    assert {"pkg.sky", "test_sky"} <= _broken(tmp_path / "moved", "wrapped", moved=True)

