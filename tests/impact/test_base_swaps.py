"""A base traded for one that gives the class what the old one did breaks nobody.

paho-mqtt 2.0 derived ``WebsocketConnectionError`` from ``ConnectionError`` instead of
``ValueError``: both are builtin exceptions, whose names are known, and the new one has every
name the old one gave (16 modules broken, every one making a client). decorator 5.0 kept
``_GeneratorContextManager`` as the base of ``ContextManager`` and dropped the
``try: from contextlib import _GeneratorContextManager / except ImportError: from contextlib
import GeneratorContextManager as _GeneratorContextManager`` fallback: the base was read as the
fallback's class alone. fabric 3.0's ``MockChannel(Mock)`` imports ``Mock`` from
``unittest.mock`` instead of its backport, the ``mock`` package.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

USER = """\
from lib import Failed


def fail():
    raise Failed("handshake")
"""


def changes(report: dict) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}


def test_a_builtin_exception_base_traded_for_another_breaks_nobody(tmp_path: Path) -> None:
    old = "class Failed(ValueError):\n    pass\n"
    new = "class Failed(ConnectionError):\n    pass\n"
    report = impact_between({"lib.py": old, "app.py": USER}, {"lib.py": new}, tmp_path)
    assert ("lib:Failed", "base-removed", True) in changes(report)
    assert broken_modules(report) == set()


def test_an_exception_base_traded_for_a_class_that_is_no_exception_breaks_users(
    tmp_path: Path,
) -> None:
    old = "class Failed(ValueError):\n    pass\n"
    new = "class Failed(dict):\n    pass\n"
    report = impact_between({"lib.py": old, "app.py": USER}, {"lib.py": new}, tmp_path)
    assert broken_modules(report) == {"app"}


def test_an_exception_base_traded_for_one_made_otherwise_breaks_users(tmp_path: Path) -> None:
    # UnicodeDecodeError takes five arguments: ``Failed("handshake")`` no longer works
    old = "class Failed(ValueError):\n    pass\n"
    new = "class Failed(UnicodeDecodeError):\n    pass\n"
    report = impact_between({"lib.py": old, "app.py": USER}, {"lib.py": new}, tmp_path)
    assert broken_modules(report) == {"app"}


def test_an_exception_base_traded_for_one_lacking_its_names_breaks_their_readers(
    tmp_path: Path,
) -> None:
    # OSError gave ``errno``; ValueError does not
    old = "class Failed(OSError):\n    pass\n"
    new = "class Failed(ValueError):\n    pass\n"
    reader = USER + "\n\ndef code(error):\n    return Failed('x').errno\n"
    report = impact_between({"lib.py": old, "app.py": reader}, {"lib.py": new}, tmp_path)
    assert broken_modules(report) == {"app"}


FALLBACK = """\
try:
    from contextlib import _GeneratorContextManager
except ImportError:
    from contextlib import GeneratorContextManager as _GeneratorContextManager


class Manager(_GeneratorContextManager):
    pass
"""
MANAGER_USER = """\
from lib import Manager


def make(g):
    return Manager(g, (), {})
"""


def test_a_base_imported_with_a_fallback_kept_without_it_breaks_nobody(tmp_path: Path) -> None:
    new = "from contextlib import _GeneratorContextManager\n\n\n" + FALLBACK.split("\n\n\n")[1]
    report = impact_between({"lib.py": FALLBACK, "app.py": MANAGER_USER}, {"lib.py": new},
                            tmp_path)
    assert not any(kind == "base-removed" for _, kind, _ in changes(report))
    assert broken_modules(report) == set()


def test_a_base_imported_with_a_fallback_traded_for_another_class_breaks_users(
    tmp_path: Path,
) -> None:
    new = "from collections import OrderedDict\n\n\nclass Manager(OrderedDict):\n    pass\n"
    report = impact_between({"lib.py": FALLBACK, "app.py": MANAGER_USER}, {"lib.py": new},
                            tmp_path)
    assert ("lib:Manager", "base-removed", True) in changes(report)
    assert broken_modules(report) == {"app"}


CHANNEL = """\
from {module} import Mock


class Channel(Mock):
    pass
"""
CHANNEL_USER = """\
from lib import Channel


def make():
    return Channel().recv(10)
"""


def test_a_base_from_a_backport_traded_for_the_standard_one_breaks_nobody(
    tmp_path: Path,
) -> None:
    report = impact_between({"lib.py": CHANNEL.format(module="mock"), "app.py": CHANNEL_USER},
                            {"lib.py": CHANNEL.format(module="unittest.mock")}, tmp_path)
    assert not any(kind == "base-removed" for _, kind, _ in changes(report))
    assert broken_modules(report) == set()


def test_a_base_from_a_package_that_only_shares_the_name_is_a_break_of_the_api_alone(
        tmp_path: Path) -> None:
    # another outside class: the names of neither are known one by one, so nothing shows
    # ``recv`` gone (``test_outside_base_traded.py``); the change still breaks the API
    report = impact_between({"lib.py": CHANNEL.format(module="mock"), "app.py": CHANNEL_USER},
                            {"lib.py": CHANNEL.format(module="mocks.fake")}, tmp_path)
    assert ("lib:Channel", "base-removed", True) in changes(report)
    assert broken_modules(report) == set()
    assert "app" in {m["module"] for m in report["affected"]}


def test_a_base_from_a_backport_dropped_for_none_breaks_users(tmp_path: Path) -> None:
    report = impact_between({"lib.py": CHANNEL.format(module="mock"), "app.py": CHANNEL_USER},
                            {"lib.py": "class Channel:\n    pass\n"}, tmp_path)
    assert broken_modules(report) == {"app"}


# requests-mock 1.12 dropped six: ``class _IOReader(six.BytesIO)`` -> ``(io.BytesIO)``
READER = """\
import {module}


class Reader({module}.{name}):
    pass
"""
READER_USER = """\
from lib import Reader


def make():
    return Reader(b"x").read()
"""


@pytest.mark.parametrize(("old", "new"), [("six.BytesIO", "io.BytesIO"),
                                          ("six.moves.UserDict", "collections.UserDict")])
def test_a_base_six_names_traded_for_the_standard_class_breaks_nobody(
    tmp_path: Path, old: str, new: str,
) -> None:
    base = {"lib.py": READER.format(module=old.rpartition(".")[0], name=old.rpartition(".")[2]),
            "app.py": READER_USER}
    head = {"lib.py": READER.format(module=new.rpartition(".")[0], name=new.rpartition(".")[2])}
    report = impact_between(base, head, tmp_path)
    assert not any(kind == "base-removed" for _, kind, _ in changes(report))
    assert broken_modules(report) == set()


def test_a_base_six_names_traded_for_another_class_breaks_users(tmp_path: Path) -> None:
    report = impact_between(
        {"lib.py": READER.format(module="six", name="BytesIO"), "app.py": READER_USER},
        {"lib.py": READER.format(module="io", name="StringIO")}, tmp_path)
    assert ("lib:Reader", "base-removed", True) in changes(report)
    assert broken_modules(report) == {"app"}


# clize 5.0 dropped ``unittest2``: ``class Tests(unittest2.TestCase)`` -> ``(unittest.TestCase)``
CASE = """\
import {module}


class Tests({module}.TestCase):
    def check(self, value):
        self.assertEqual(value, 1)
"""
CASE_USER = """\
from lib import Tests


def run():
    Tests("check").assertTrue(True)
"""


def test_a_base_from_unittest2_traded_for_unittest_breaks_nobody(tmp_path: Path) -> None:
    report = impact_between({"lib.py": CASE.format(module="unittest2"), "app.py": CASE_USER},
                            {"lib.py": CASE.format(module="unittest")}, tmp_path)
    assert not any(kind == "base-removed" for _, kind, _ in changes(report))
    assert broken_modules(report) == set()
