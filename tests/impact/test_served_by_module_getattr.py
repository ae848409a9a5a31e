"""A top-level name a package's ``__getattr__`` now serves, imported by a module of ours.

werkzeug 3.0 traded ``__version__ = "2.3.8"`` in ``werkzeug/__init__.py`` for a module
``__getattr__`` returning it (with a deprecation warning); ``werkzeug.testapp`` still does
``from . import __version__ as _werkzeug_version``, which ``from ... import`` answers through
``__getattr__`` (PEP 562). It was judged broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

OLD = '__version__ = "2.3"\n'
NEW = '''\
def __getattr__(name):
    if name == "__version__":
        return "3.0"
    raise AttributeError(name)
'''
USER = "from . import __version__ as _version\n\nTITLE = _version\n"


def _broken(tmp_path: Path, new: str = NEW, user: str = USER) -> set[str]:
    report = impact_between({"pkg/__init__.py": OLD, "pkg/app.py": user},
                            {"pkg/__init__.py": new, "pkg/app.py": user}, tmp_path)
    return broken_modules(report)


@pytest.mark.parametrize("user", [USER, USER.replace("from . import", "from pkg import")])
def test_an_import_of_a_name_getattr_serves_breaks_nothing(tmp_path: Path, user: str) -> None:
    assert _broken(tmp_path, user=user) == set()


def test_a_name_getattr_does_not_serve_still_breaks(tmp_path: Path) -> None:
    assert "pkg.app" in _broken(tmp_path, new=NEW.replace('"__version__"', '"VERSION"'))
