"""A name moved between two modules that a package ``__init__`` star-imports, used through
``from pkg import *``: the star import gives the name from its new module, and the code
calling it runs as before. jsonargparse 4.0 moved ``strip_meta`` from ``jsonargparse.util``
to ``jsonargparse.namespace``, both star-imported by ``jsonargparse/__init__.py``; the
test modules doing ``from jsonargparse import *`` and calling ``strip_meta(...)`` were
judged broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

STRIP = "def strip_meta(cfg):\n    return dict(cfg)\n"
INIT = "from .namespace import *\nfrom .util import *\n"
BASE = {
    "pkg/__init__.py": INIT,
    "pkg/namespace.py": "__all__ = ['Namespace']\n\n\nclass Namespace(dict):\n    pass\n",
    "pkg/util.py": f"__all__ = ['strip_meta', 'usage']\n\n\n{STRIP}\n\n"
                   "def usage():\n    return 'usage'\n",
    "tests/test_core.py": "from pkg import *\n\n\ndef test_strip():\n"
                          "    assert strip_meta({'a': 2}) == {'a': 2}\n",
}
UTIL_LEFT = "__all__ = ['usage']\n\n\ndef usage():\n    return 'usage'\n"
NAMESPACE = "class Namespace(dict):\n    pass\n\n\n" + STRIP


USER = BASE["tests/test_core.py"]
# jsonargparse's ``core_tests`` also imports a private helper from the module the name left:
# its calls of names no import binds were read as calls through that module
USER_OF_UTIL = "from pkg.util import usage\n" + USER


def _broken(tmp_path: Path, namespace: str, user: str = USER) -> set[str]:
    base = {**BASE, "tests/test_core.py": user}
    head = {**base, "pkg/util.py": UTIL_LEFT, "pkg/namespace.py": namespace}
    report = impact_between(base, head, tmp_path)
    assert ("pkg.util:strip_meta", "symbol-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


@pytest.mark.parametrize("user", [USER, USER_OF_UTIL], ids=["star", "star-and-old-module"])
@pytest.mark.parametrize("namespace", [
    "__all__ = ['Namespace', 'strip_meta']\n\n\n" + NAMESPACE,
    NAMESPACE,  # no ``__all__``: every public name
], ids=["listed", "no-all"])
def test_a_name_moved_to_another_star_imported_module_breaks_no_star_importer(
        namespace: str, user: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, namespace, user) == set()


@pytest.mark.parametrize("user", [USER, USER_OF_UTIL], ids=["star", "star-and-old-module"])
def test_a_name_gone_from_every_star_imported_module_breaks_its_star_importer(
        user: str, tmp_path: Path) -> None:
    namespace = "__all__ = ['Namespace']\n\n\nclass Namespace(dict):\n    pass\n"
    assert _broken(tmp_path, namespace, user) == {"test_core"}


@pytest.mark.parametrize("user", [
    USER,
    USER_OF_UTIL,
    "from pkg import strip_meta\n\n\ndef test_strip():\n    assert strip_meta({}) == {}\n",
], ids=["star", "star-and-old-module", "by-name"])
def test_a_name_moved_to_a_module_whose_all_leaves_it_out_breaks_its_users(
        user: str, tmp_path: Path) -> None:
    # ``from .namespace import *`` gives only what ``__all__`` lists
    namespace = "__all__ = ['Namespace']\n\n\n" + NAMESPACE
    assert _broken(tmp_path, namespace, user) == {"test_core"}
