"""A decorator that is an instance of a class of ours whose ``__call__`` returns what it is
handed gives the function back: adding it breaks no call. The diff spells a module variable
bound to a call (``interpd = _ArtistPropertiesSubstitution()``) out as that call, and names
the decorator by its class; the class is read where the variable is bound.

matplotlib 3.10 added ``@_docstring.interpd`` to ``FancyArrowPatch.set_arrowstyle`` and
``tripcolor``; its ``__call__`` fills in ``obj.__doc__`` and returns ``obj``. Every call of
them (``FancyArrowPatch.__init__``, ``Annotation.update_positions``, four examples) was judged
broken: ``matplotlib.patches``, ``matplotlib.text`` and two examples.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DOC = """\
import inspect


class _ArtistPropertiesSubstitution:
    def __init__(self):
        self.params = {{}}

    def register(self, **kwargs):
        self.params.update(**kwargs)

    def __call__(self, obj):
        if obj.__doc__:
            obj.__doc__ = inspect.cleandoc(obj.__doc__) % self.params
        {returns}


interpd = _ArtistPropertiesSubstitution()
"""

PATCHES = """\
from doc import interpd


class FancyArrowPatch:
    def __init__(self, arrowstyle="simple"):
        self.set_arrowstyle(arrowstyle)

    {decorator}
    def set_arrowstyle(self, arrowstyle=None, **kwargs):
        \"\"\"Set the arrow style.\"\"\"
        self._arrow = arrowstyle
"""

USER = """\
from patches import FancyArrowPatch


def draw():
    patch = FancyArrowPatch()
    patch.set_arrowstyle("->", head_width=2)
    return patch
"""


def _broken(tmp_path: Path, returns: str) -> set[str]:
    doc = DOC.format(returns=returns)
    base = {"doc.py": doc, "patches.py": PATCHES.format(decorator=""), "user.py": USER}
    head = {"doc.py": doc, "patches.py": PATCHES.format(decorator="@interpd"), "user.py": USER}
    report = impact_between(base, head, tmp_path)
    assert ("patches:FancyArrowPatch.set_arrowstyle", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


def test_an_instance_whose_call_returns_the_function_breaks_nothing(tmp_path: Path) -> None:
    assert _broken(tmp_path, "return obj") == set()


def test_an_instance_whose_call_returns_a_wrapper_still_breaks(tmp_path: Path) -> None:
    returns = "def wrapper(first):\n            return obj(first)\n        return wrapper"
    assert _broken(tmp_path, returns) == {"patches", "user"}
