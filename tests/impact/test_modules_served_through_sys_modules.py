"""A package that stores modules into ``sys.modules`` under computed keys may serve, at run
time, any import path below it. elasticsearch-dsl 8.18 became a shim of
``elasticsearch.dsl``: its modules went, and its ``__init__`` aliases each module of the new
package under the old name; its tests, importing ``elasticsearch_dsl.field`` and names from
``elasticsearch_dsl`` as before, were judged broken at import time (9 modules). Such an
import is no certain break: 'broken' is an import that surely fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

FIELD = "class Text:\n    def __init__(self, name=None):\n        self.name = name\n"
TEST = '''\
from shop.field import Text
from shop import Keyword


def test_text():
    assert Text("a").name == "a"
    assert Keyword("b").name == "b"
'''
SHIM = '''\
import sys

from search import dsl  # noqa: F401

for name in [name for name in sys.modules if name.startswith("search.dsl")]:
    sys.modules[name.replace("search.dsl", "shop")] = sys.modules[name]
'''


def _broken(tmp_path: Path, init: str) -> set[str]:
    base = {"shop/__init__.py": "from shop.field import Text as Keyword\n",
            "shop/field.py": FIELD, "tests/test_field.py": TEST}
    head = {**base, "shop/__init__.py": init, "shop/field.py": None}
    return broken_modules(impact_between(base, head, tmp_path))


def test_imports_below_a_package_aliasing_modules_into_sys_modules_are_no_certain_break(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, SHIM) == set()


@pytest.mark.parametrize("init", [
    "import sys\n",  # no alias at all
    # one module stored under a key written out: only that path is served
    'import sys\n\nfrom search import dsl\n\nsys.modules["shop.query"] = dsl\n',
])
def test_without_a_computed_alias_the_imports_still_break(init: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, init) == {"test_field"}
