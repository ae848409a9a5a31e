"""A class that drops a builtin base for ``object`` loses names known one by one: the ones the
builtin gives beyond ``object`` (read from Python's own class). A module making instances
breaks only when an instance can meet one of those names: used by one, or handed to code that
may use any (an argument, a return, a container, a store, a class variable).

prompt_toolkit 3.0 made ``_16ColorCache(dict)`` a plain class keeping its own dict.
``output.vt100`` makes two at import time, binds them to module variables and calls only
their ``get_code``. Before, the names were taken as not known and the module was broken at
import time, and with it every module importing it (163 modules).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

CACHE = '''\
class ColorCache({base}):
    def __init__(self, bg=False):
        self.bg = bg
        self._cache = {{}}

    def get_code(self, value):
        if value not in {store}:
            {store}[value] = value * 2
        return {store}[value]
{extra}

FG = ColorCache(bg=False)
'''
USER = '''\
from proj.cache import FG, ColorCache


def code(value):
    return FG.get_code(value)


def make(value):
    cache = ColorCache(bg=True)
    return cache.get_code(value) + ColorCache().get_code(value)
'''


def _impact(tmp_path: Path, user: str = USER, extra: str = "", init: bool = True,
            files: dict[str, str] | None = None) -> set[str]:
    def cache(base: str, store: str) -> str:
        text = CACHE.format(base=base, store=store, extra=extra)
        if not init:
            text = text.replace("    def __init__(self, bg=False):\n        self.bg = bg\n"
                                "        self._cache = {}\n\n", "").replace("bg=False", "")
        return text

    base = {"proj/__init__.py": "", "proj/cache.py": cache("dict", "self"),
            "proj/user.py": user, **(files or {})}
    head = {**base, "proj/cache.py": cache("object", "self._cache")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_instances_used_only_by_names_the_class_kept_break_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path) == set()


# the module making ``FG`` at import time breaks with the module misusing it
SHARED = {"proj.cache", "proj.user"}


@pytest.mark.parametrize(("use", "broken"), [
    ("FG['a']", SHARED),  # __getitem__
    ("len(FG)", SHARED),  # handed to a builtin
    ("list(FG.keys())", SHARED),  # a name dict gave
    ("[k for k in FG]", SHARED),  # __iter__
    ("ColorCache(bg=True).items()", {"proj.user"}),
    ("sorted(ColorCache())", {"proj.user"}),
    ("register(ColorCache())", {"proj.user"}),
])
def test_an_instance_meeting_a_lost_name_still_breaks(use: str, broken: set[str],
                                                      tmp_path: Path) -> None:
    user = USER + f"\n\ndef register(x):\n    return x\n\n\ndef other():\n    return {use}\n"
    assert _impact(tmp_path, user) == broken


@pytest.mark.parametrize(("user", "broken"), [
    # returned: the caller may use any name
    ("from proj.cache import ColorCache\n\n\ndef make():\n    made = ColorCache()\n"
     "    return made\n", {"proj.user"}),
    # in a container
    ("from proj.cache import ColorCache\n\nCACHES = [ColorCache()]\n", {"proj.user"}),
    # a class variable, read through its instances
    ("from proj.cache import ColorCache\n\n\nclass Holder:\n    cache = ColorCache()\n\n"
     "    def read(self):\n        return self.cache['a']\n", {"proj.user"}),
    # kept on an instance
    ("from proj.cache import ColorCache\n\n\nclass Holder:\n    def __init__(self):\n"
     "        self.cache = ColorCache()\n", {"proj.user"}),
    # the module variable read through its module
    ("import proj.cache\n\n\ndef read():\n    return proj.cache.FG['a']\n", SHARED),
    # and by a name given as a value
    ("import proj.cache\n\n\ndef read(name):\n    return getattr(proj.cache, name)['a']\n",
     SHARED),
])
def test_an_instance_handed_on_still_breaks(user: str, broken: set[str],
                                            tmp_path: Path) -> None:
    assert _impact(tmp_path, user) == broken


def test_the_class_handing_itself_over_still_breaks_its_makers(tmp_path: Path) -> None:
    extra = "\n    def keep(self):\n        KEPT.append(self)\n\n\nKEPT = []\n"
    assert _impact(tmp_path, extra=extra) == {"proj.cache", "proj.user"}


def test_a_class_left_without_an_init_breaks_its_makers(tmp_path: Path) -> None:
    # ``dict(a=1)`` took any arguments; ``object()`` takes none (whether a maker passes any,
    # ``FG = ColorCache()`` none, is not read)
    user = "from proj.cache import ColorCache\n\n\ndef make():\n" \
        "    return ColorCache(a=1).get_code(2)\n"
    assert _impact(tmp_path, user, init=False) == SHARED
