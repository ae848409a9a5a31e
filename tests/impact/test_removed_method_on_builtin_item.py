"""A removed method's name called on an item of a local dict whose every value stored under
that key is a container the code makes: the builtin's method runs, not ours. (trafaret 2.0
removed ``Trafaret.append``; ``Dict._clone_args`` sets ``kw['allow_extra'] =
list(self.extras)`` beside ``kw['allow_extra_trafaret'] = self.extras_trafaret`` and calls
``kw['allow_extra'].append('*')``: the linker merges the values of the dict's keys, and the
call was judged a use of the removed method.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BASE = """
class Trafaret:
    def append(self, other):
        return (self, other)


def clone_args(extras):
    kw = {{}}
    kw['allow_extra'] = list(extras)
    kw['trafaret'] = Trafaret()
    kw['allow_any'].append('*')
    return kw
"""
HEAD = """
class Trafaret:
    pass


def clone_args(extras):
    kw = {{}}
    kw['allow_extra'] = {stored}
    kw['trafaret'] = Trafaret()
    kw['allow_extra'].append('*')
    return kw
"""


def _broken(tmp_path: Path, stored: str) -> set[str]:
    files = {"pkg/__init__.py": "", "pkg/base.py": BASE.format()}
    head = {**files, "pkg/base.py": HEAD.format(stored=stored)}
    return broken_modules(impact_between(files, head, tmp_path))


@pytest.mark.parametrize("stored", ["list(extras)", "[]", "['*']"])
def test_a_list_item_runs_the_list_method(stored: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, stored) == set()


def test_an_item_that_may_be_ours_still_uses_the_removed_method(tmp_path: Path) -> None:
    assert _broken(tmp_path, "Trafaret()") == {"pkg.base"}
