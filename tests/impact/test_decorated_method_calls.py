"""A call of a decorated method through an instance, updated to pass a new keyword.

pyramid 2.0 gave ``Configurator.set_default_csrf_options`` (under ``@action_method``, whose
wrapper takes ``self``) the keywords ``check_origin`` and ``allow_no_origin`` before
``callback``, a ``parameter-moved``; its tests call ``config.set_default_csrf_options(...,
allow_no_origin=True)``. A call through a decorated name does not tell whether the instance is
taken, so it was tried on the old signature, less its first parameters, to learn how many the
wrapper gives; the new keyword bound none of them, and 2 test modules were broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
import functools


def action(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        return method(self, *args, **kwargs)
    return wrapper


class Config:
    @action
    def set_options(self, require=True, token="t", callback=None):
        return require
"""
LIB_HEAD = LIB.replace('token="t", callback=None', 'token="t", check=True, callback=None')
APP = """\
from lib import Config


def test_options():
    Config().set_options(require=False, {extra})
"""


def test_a_decorated_method_called_with_a_keyword_it_now_takes_breaks_nobody(
    tmp_path: Path,
) -> None:
    report = impact_between({"lib.py": LIB, "app.py": APP.format(extra="token='x'")},
                            {"lib.py": LIB_HEAD, "app.py": APP.format(extra="check=False")},
                            tmp_path)
    assert ("lib:Config.set_options", "parameter-moved", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_decorated_method_called_with_a_keyword_it_never_took_breaks_the_caller(
    tmp_path: Path,
) -> None:
    report = impact_between({"lib.py": LIB, "app.py": APP.format(extra="token='x'")},
                            {"lib.py": LIB_HEAD, "app.py": APP.format(extra="bogus=False")},
                            tmp_path)
    assert broken_modules(report) == {"app"}
