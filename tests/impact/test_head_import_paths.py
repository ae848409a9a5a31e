"""A head import path is looked up as the head names its modules; the base's naming serves
only for paths the head lost.

vcrpy 6.0 made ``tests/`` a package: the base's top-level module ``assertions``
(``tests/assertions.py`` in a folder without ``__init__.py``) is the head's
``tests.assertions``, a ``module-renamed``, and the tests traded ``from assertions import ...``
for ``from ..assertions import ...``. The head's path ``tests.assertions`` was named as the base
names it (``assertions``, the module gone), and the 8 test modules importing it were broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

HELPERS = "def check(value):\n    return value\n"
USER = "from {path} import check\n\n\ndef run():\n    return check(1)\n"


def test_an_import_of_a_module_the_head_has_breaks_nothing(tmp_path: Path) -> None:
    base = {"proj/helpers.py": HELPERS, "proj/app/main.py": USER.format(path="helpers")}
    head = {"proj/__init__.py": "", "proj/app/__init__.py": "", "proj/helpers.py": HELPERS,
            "proj/app/main.py": USER.format(path="..helpers")}
    report = impact_between(base, head, tmp_path)
    assert ("helpers", "module-renamed") in {(c["symbol"], c["kind"])
                                             for c in report["changes"]}
    assert broken_modules(report) == set()


def test_an_import_of_a_module_the_head_lost_still_breaks(tmp_path: Path) -> None:
    base = {"proj/helpers.py": HELPERS, "proj/app/main.py": USER.format(path="helpers")}
    head = {"proj/helpers.py": None, "proj/app/main.py": USER.format(path="helpers")}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"main"}
