"""``@six.add_metaclass(M)`` traded for ``metaclass=M`` on the class statement is the same
class: every call of it runs as before.

google-auth 2.23 made that trade on ``external_account.Credentials``; the ``decorator-changed``
``-six.add_metaclass`` broke every ``cls(...)`` of its class methods.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BASE = '''\
import abc

import six


@six.add_metaclass(abc.ABCMeta)
class Credentials(object):
    def __init__(self, token):
        self.token = token

    @classmethod
    def from_info(cls, info):
        return cls(info["token"])
'''
HEAD = '''\
import abc

import six


class Credentials(object{keyword}):
    def __init__(self, token):
        self.token = token

    @classmethod
    def from_info(cls, info):
        return cls(info["token"])
'''


def _impact(tmp_path: Path, keyword: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/creds.py": BASE}
    head = {**base, "proj/creds.py": HEAD.format(keyword=keyword)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_the_same_metaclass_passed_as_a_keyword_breaks_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path, ", metaclass=abc.ABCMeta") == set()


@pytest.mark.parametrize("keyword", ["", ", metaclass=type"])
def test_the_metaclass_dropped_or_traded_still_breaks(keyword: str, tmp_path: Path) -> None:
    assert _impact(tmp_path, keyword) == {"proj.creds"}
