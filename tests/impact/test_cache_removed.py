"""A ``functools.lru_cache`` (or ``cache``) removed from a function: a call runs the function.

isort 5.13 dropped ``@lru_cache()`` from ``settings._find_config``, ``find_all_configs`` and
``_get_config_data``. The cache's wrapper hands every argument on as it is given, so a call
that binds the bare function works as before; every call was judged broken, among them
``Config.__init__``'s, run when ``isort.settings`` builds its default ``Config`` at import
time: ``isort`` broke at import time, and with it every module of the package (64).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

OLD = '''\
from functools import lru_cache


@lru_cache()
def find(path: str, depth: int = 2) -> str:
    return path * depth
'''
NEW = '''\
def find(path: str, depth: int = 2) -> str:
    return path * depth
'''
USER = '''\
from lib import find

FOUND = find("a", depth=3)
'''


def _broken(tmp_path: Path, new: str = NEW, user: str = USER, old: str = OLD) -> set[str]:
    report = impact_between({"lib.py": old, "user.py": user}, {"lib.py": new, "user.py": user},
                            tmp_path)
    return broken_modules(report)


@pytest.mark.parametrize("spelling", ["@lru_cache()", "@lru_cache", "@lru_cache(maxsize=8)"])
def test_a_call_binding_the_bare_function_breaks_nothing(tmp_path: Path, spelling: str) -> None:
    assert _broken(tmp_path, old=OLD.replace("@lru_cache()", spelling)) == set()


def test_functools_cache_spelled_through_the_module(tmp_path: Path) -> None:
    old = OLD.replace("from functools import lru_cache", "import functools").replace(
        "@lru_cache()", "@functools.cache")
    assert _broken(tmp_path, old=old) == set()


def test_a_call_the_bare_function_does_not_take_still_breaks(tmp_path: Path) -> None:
    assert "user" in _broken(tmp_path, NEW.replace("depth: int = 2", "*, depth: int = 2"),
                             USER.replace("depth=3", "3"))


@pytest.mark.parametrize("read", ["find.cache_clear()", "print(lib.find.cache_info())"])
def test_a_read_of_the_cache_api_breaks(tmp_path: Path, read: str) -> None:
    # (main judged no reference but a call: this read was not broken before either)
    user = f"import lib\nfrom lib import find\n\n\ndef reset() -> None:\n    {read}\n"
    assert "user" in _broken(tmp_path, user=user)
