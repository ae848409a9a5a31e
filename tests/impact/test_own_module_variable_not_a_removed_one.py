"""A module-level name a module defines itself is not the package's name of the same
spelling that the change removed.

bitstring 4.1 split its one-file package into modules: ``CACHE_SIZE = 256`` went from
``bitstring/__init__.py``, and the new ``bitstring.utils`` and ``bitstring.classes`` each
define a ``CACHE_SIZE`` of their own, read at import time (``@functools.lru_cache(CACHE_SIZE)``).
``head_importers`` looks for head code reading the gone name through a module importing the
package; a read of a module-level name with no value recorded (a constant) was taken for one
a star import may have brought, so both modules broke at import time, with every module
importing them (16 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_INIT = '''\
CACHE_SIZE = 256


def helper():
    return CACHE_SIZE
'''
NEW_INIT = '''\
from proj.exceptions import Error
'''
EXCEPTIONS = '''\
class Error(Exception):
    pass
'''
UTILS = '''\
import functools

from proj.exceptions import Error

CACHE_SIZE = 256


@functools.lru_cache(CACHE_SIZE)
def parse(text):
    if not text:
        raise Error(text)
    return text.split()
'''
STAR = '''\
from proj import *
from proj.exceptions import Error

LIMIT = CACHE_SIZE * 2
'''
BY_PACKAGE = '''\
import proj
from proj.exceptions import Error

CACHE_SIZE = 128
LIMIT = proj.CACHE_SIZE
'''


def _broken(tmp_path: Path, module: str) -> set[str]:
    old = {"proj/__init__.py": OLD_INIT, "proj/exceptions.py": EXCEPTIONS}
    new = {"proj/__init__.py": NEW_INIT, "proj/exceptions.py": EXCEPTIONS,
           "proj/user.py": module, "proj/later.py": "from proj.user import *\n"}
    return broken_modules(impact_between(old, new, tmp_path))


def test_a_module_reading_its_own_variable_of_the_gone_name_is_not_broken(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, UTILS) == set()


def test_a_star_import_of_the_package_reading_the_gone_name_still_breaks(
        tmp_path: Path) -> None:
    assert "proj.user" in _broken(tmp_path, STAR)


def test_the_gone_name_read_through_the_package_still_breaks(tmp_path: Path) -> None:
    # the module defines a name of that spelling too: ``proj.CACHE_SIZE`` is not it
    assert "proj.user" in _broken(tmp_path, BY_PACKAGE)
