"""A package whose ``__init__.py`` only declared it a namespace package, dropped for a PEP 420
one: ``import zc.lockfile`` imports as before. zc.lockfile 4.0 removed ``zc/__init__.py``
(``pkg_resources``' ``declare_namespace``); the change was a breaking ``module-removed`` and
its tests, importing ``zc.lockfile``, were judged broken at import time."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LOCKFILE = "def lock(path):\n    return open(path, 'a')\n"
USER = "import zc.lockfile\n\n\ndef take(path):\n    return zc.lockfile.lock(path)\n"


def _report(tmp_path: Path, init: str, user: str = USER) -> tuple[set[str], dict[str, object]]:
    base = {"src/zc/__init__.py": init, "src/zc/lockfile/__init__.py": LOCKFILE,
            "src/user.py": user}
    head = {**base, "src/zc/__init__.py": None}
    report = impact_between(base, head, tmp_path)
    [removed] = [c for c in report["changes"] if c["kind"] == "module-removed"]
    return broken_modules(report), removed


@pytest.mark.parametrize("init", [
    "__import__('pkg_resources').declare_namespace(__name__)\n",
    "from pkgutil import extend_path\n__path__ = extend_path(__path__, __name__)\n",
])
def test_a_namespace_declaration_dropped_breaks_no_import_below(init: str,
                                                                 tmp_path: Path) -> None:
    broken, removed = _report(tmp_path, init)
    assert broken == set()
    assert (removed["symbol"], removed["breaking"], removed["detail"]) == (
        "zc", False, "a namespace package now")


def test_a_package_init_giving_names_removed_still_breaks_their_importers(
        tmp_path: Path) -> None:
    init = "def helper():\n    return 1\n"
    user = USER + "\nfrom zc import helper\n"
    broken, removed = _report(tmp_path, init, user)
    assert broken == {"user"}
    assert removed["breaking"] is True


# masonite 4.0: ``masonite/drivers/__init__.py`` (which gave ``BaseDriver``) removed, with
# ``masonite/drivers/queue/`` left: ``drivers`` is a namespace package inside the regular
# ``masonite`` now, and ``from ..drivers.queue import AMQPDriver`` imports as before. The
# folder below the missing ``__init__.py`` was taken for a top-level package ``queue``
# (``module-renamed``), and every import of it for a break.
DRIVERS = {
    "pkg/__init__.py": "",
    "pkg/drivers/__init__.py": "from .base import BaseDriver\n",
    "pkg/drivers/base.py": "class BaseDriver:\n    pass\n",
    "pkg/drivers/queue/__init__.py": "from .database import DatabaseDriver\n",
    "pkg/drivers/queue/database.py": "class DatabaseDriver:\n    def __init__(self, app):\n"
                                     "        self.app = app\n",
    "pkg/provider.py": "from .drivers.queue import DatabaseDriver\n\n\n"
                       "def register(app):\n    return DatabaseDriver(app)\n",
}


def test_a_subpackage_left_as_a_namespace_inside_a_package_keeps_the_modules_below_it(
        tmp_path: Path) -> None:
    head = {**DRIVERS, "pkg/drivers/__init__.py": None, "pkg/drivers/base.py": None}
    report = impact_between(DRIVERS, head, tmp_path)
    changes = {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert changes == {("pkg.drivers", "module-removed"), ("pkg.drivers.base", "module-removed")}
    assert broken_modules(report) == set()


def test_a_name_the_removed_init_gave_is_gone_with_it(tmp_path: Path) -> None:
    base = {**DRIVERS, "pkg/user.py": "from pkg.drivers import BaseDriver\n"}
    head = {**base, "pkg/drivers/__init__.py": None, "pkg/drivers/base.py": None}
    report = impact_between(base, head, tmp_path)
    assert broken_modules(report) == {"pkg.user"}
