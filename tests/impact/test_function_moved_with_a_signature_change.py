"""A function moved to another module, which its old module now imports it from, and
changed on the way: a call of it is judged as the head makes it, where it is now. scapy
2.8 moved ``pkcs1._get_hash`` to ``crypto.hash`` and gave it ``@crypto_validator``, whose
wrapper hands every argument on; every caller was judged broken, the head's calls of the
moved function being read nowhere. A parameter the moved function now requires still breaks
them."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

CONFIG = '''\
def validator(func):
    def func_in(*args, **kwargs):
        return func(*args, **kwargs)
    return func_in
'''
OLD_PKCS = '''\
def _get_hash(name):
    return name.upper()


def encode(message):
    return _get_hash("md5") + message
'''
NEW_PKCS = '''\
from pkg.hash import _get_hash


def encode(message):
    return _get_hash("md5") + message
'''
HASH = '''\
from pkg.config import validator


@validator
def _get_hash(name{extra}):
    return name.upper()
'''
USER = "from pkg.pkcs import _get_hash\n\n\ndef digest():\n    return _get_hash('sha1')\n"


@pytest.mark.parametrize(("extra", "broken"), [
    ("", set()),
    (", size", {"pkg.pkcs", "pkg.user"}),
], ids=["a wrapper handing every argument on", "a parameter required"])
def test_a_moved_function_is_judged_where_it_is(tmp_path: Path, extra: str,
                                                broken: set[str]) -> None:
    base = {"pkg/__init__.py": "", "pkg/config.py": CONFIG, "pkg/pkcs.py": OLD_PKCS,
            "pkg/user.py": USER}
    head = {**base, "pkg/pkcs.py": NEW_PKCS, "pkg/hash.py": HASH.format(extra=extra)}
    report = impact_between(base, head, tmp_path)
    assert ("pkg.pkcs:_get_hash", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"pkg.pkcs", "pkg.user"} <= {a["module"] for a in report["affected"]}
    assert broken_modules(report) == broken
