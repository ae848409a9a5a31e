"""A standard base traded for one of its standard ancestors takes away only the names the old
one gave beyond it, read from Python's own classes.

djangorestframework 3.15 made ``ReturnDict(OrderedDict)`` and ``LinkNode(OrderedDict)``
derive from ``dict``: the names lost were taken as not known, and every module making a
``ReturnDict`` was broken (5 modules). ``OrderedDict`` gives ``move_to_end`` beyond ``dict``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

HELPERS = '''\
{imports}


class ReturnDict({base}):
    def __init__(self, *args, serializer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.serializer = serializer
'''
USER = '''\
from proj.helpers import ReturnDict


def data(items):
    found = ReturnDict(items, serializer=None)
    {use}
    return found
'''


def _impact(tmp_path: Path, new: str, use: str = "found.update(a=1)") -> set[str]:
    base = {"proj/__init__.py": "",
            "proj/helpers.py": HELPERS.format(imports="from collections import OrderedDict",
                                              base="OrderedDict"),
            "proj/user.py": USER.format(use=use)}
    head = {**base, "proj/helpers.py": HELPERS.format(
        imports="from collections import OrderedDict, deque", base=new)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_ordered_dict_traded_for_dict_breaks_no_user_of_dict_names(tmp_path: Path) -> None:
    assert _impact(tmp_path, "dict") == set()


def test_a_user_of_a_name_only_ordered_dict_gives_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, "dict", "found.move_to_end('a')") == {"proj.user"}


@pytest.mark.parametrize("new", ["list", "deque"])
def test_a_base_that_is_no_ancestor_of_it_still_breaks(new: str, tmp_path: Path) -> None:
    assert _impact(tmp_path, new) == {"proj.user"}
