"""A decorator spelled another way through the module's imports is the same decorator.

scrapy 2.11 traded ``from twisted.internet import defer`` / ``@defer.inlineCallbacks`` for
``from twisted.internet.defer import inlineCallbacks`` / ``@inlineCallbacks`` in
``scrapy.crawler``; the ``decorator-changed`` ``-defer.inlineCallbacks +inlineCallbacks`` on
``Crawler.crawl`` broke every test calling it (41 modules, examples included).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BASE = '''\
from twisted.internet import defer


class Crawler:
    @defer.inlineCallbacks
    def crawl(self, *args):
        yield args
'''
HEAD = '''\
{imports}


class Crawler:
    @inlineCallbacks
    def crawl(self, *args):
        yield args
'''
USER = "from proj.crawler import Crawler\n\n\ndef run():\n    return Crawler().crawl(1)\n"


def _impact(tmp_path: Path, imports: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/crawler.py": BASE, "proj/user.py": USER}
    head = {**base, "proj/crawler.py": HEAD.format(imports=imports)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_the_same_decorator_imported_by_name_breaks_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path, "from twisted.internet.defer import inlineCallbacks") == set()


@pytest.mark.parametrize("imports", [
    "from twisted.internet.task import inlineCallbacks",
    "def inlineCallbacks(f):\n    return lambda *a: list(f(*a))",
])
def test_another_decorator_of_that_name_still_breaks(imports: str, tmp_path: Path) -> None:
    assert _impact(tmp_path, imports) == {"proj.user"}


def test_a_local_name_spelling_the_path_of_an_import_is_still_another(tmp_path: Path) -> None:
    # ``defer`` a class of the old module, ``from defer import inlineCallbacks`` in the new:
    # the same text, two objects
    base = {"proj/__init__.py": "", "proj/user.py": USER,
            "proj/crawler.py": BASE.replace(
                "from twisted.internet import defer\n",
                "class defer:\n    @staticmethod\n    def inlineCallbacks(f):\n"
                "        return lambda *a: list(f(*a))\n")}
    head = {**base, "proj/crawler.py": HEAD.format(imports="from defer import inlineCallbacks")}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.user"}


COMPAT = '''\
import pydantic

if pydantic.VERSION.startswith("2"):
    validate_call = pydantic.validate_call
else:
    validate_call = pydantic.validate_arguments
'''
SERIALIZE = '''\
import pydantic
{imports}


{decorator}
def prepare(value):
    return value
'''
CALLER = "from proj.serialize import prepare\n\n\ndef run():\n    return prepare(1)\n"


@pytest.mark.parametrize(("decorator", "broken"), [
    ("@pydantic.validate_call", set()),
    ("@pydantic.validate_model", {"proj.user"}),
])
def test_a_module_variable_of_ours_bound_to_the_outside_decorator(
        tmp_path: Path, decorator: str, broken: set[str]) -> None:
    # taskiq 0.13 traded ``@validate_call`` from ``taskiq.compat`` (``validate_call =
    # pydantic.validate_call``, or ``pydantic.validate_arguments`` under pydantic 1) for
    # ``@pydantic.validate_call``
    base = {"proj/__init__.py": "", "proj/compat.py": COMPAT, "proj/user.py": CALLER,
            "proj/serialize.py": SERIALIZE.format(
                imports="\nfrom proj.compat import validate_call",
                decorator="@validate_call")}
    head = {**base, "proj/serialize.py": SERIALIZE.format(imports="", decorator=decorator)}
    report = impact_between(base, head, tmp_path)
    assert [c["kind"] for c in report["changes"] if c["symbol"] == "proj.serialize:prepare"] \
        == ["decorator-changed"]
    assert broken_modules(report) == broken
