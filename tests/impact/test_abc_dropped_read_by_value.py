"""A class that drops ``abc.ABC`` (left with no metaclass) loses ``ABCMeta``'s methods
(``register`` and its private hooks), which are the class object's and not its instances',
and the ``_abc_impl`` cache. Code reads those by spelling them (``Filter.register(X)``); a
read by a name given as a value (``getattr(options, self.name)``) is no use of them.
virtualenv 20.26.2 made ``Describe(ABC)`` a plain class; ``CreatorSelector.create`` makes a
``Describe`` and reads ``getattr(options, self.name)``, and was judged broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

DESCRIBE = '''\
from abc import ABC


class Describe(ABC):
    def __init__(self, dest):
        self.dest = dest
'''
USER = '''\
from pkg.describe import Describe


class Selector:
    def __init__(self, name, describe: type[Describe]):
        self.name = name
        self.describe = describe

    def create(self, options, impl):
        options.meta = {read}
        if not issubclass(impl, Describe):
            options.describe = self.describe(options)
        return options
'''


def _broken(tmp_path: Path, read: str) -> set[str]:
    files = {"pkg/__init__.py": "", "pkg/user.py": USER.format(read=read)}
    report = impact_between({**files, "pkg/describe.py": DESCRIBE},
                            {**files, "pkg/describe.py": DESCRIBE.replace("(ABC)", "")},
                            tmp_path)
    assert ("pkg.describe:Describe", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_read_by_a_name_given_as_a_value_is_no_use_of_abcmetas_names(tmp_path: Path) -> None:
    assert _broken(tmp_path, "getattr(options, self.name)") == set()


@pytest.mark.parametrize("read", ["Describe.register(dict)", "self.describe.register(dict)"])
def test_a_spelled_register_still_breaks(tmp_path: Path, read: str) -> None:
    assert _broken(tmp_path, read) == {"pkg.user"}
