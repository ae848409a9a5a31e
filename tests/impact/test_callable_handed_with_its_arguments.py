"""A function handed to outside code that calls it with the arguments written after it
(``self.assertRaises(E, f, a, b)``, ``pytest.raises(E, f, a)``) is called with those: a
signature change breaks that call only where they no longer bind. Handed to other outside
code, it is called as before (what the old signature required), as far as anyone can tell.

dulwich 0.24.10 -> 0.25.0 gave ``pack.compute_file_sha`` a required second parameter
``hash_func``; ``tests.test_pack``'s ``assertRaises(AssertionError, compute_file_sha, f,
DEFAULT_OBJECT_FORMAT.hash_func, -20)`` passes it, and was judged broken by the call with
``f`` alone.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

PACK_BASE = """\
def compute_file_sha(f, start_ofs=0, end_ofs=0, buffer_size=1 << 16):
    f.seek(0, 2)
    length = f.tell()
    if end_ofs > length:
        raise AssertionError("short")
    return length
"""

PACK_HEAD = """\
def compute_file_sha(f, hash_func, start_ofs=0, end_ofs=0, buffer_size=1 << 16):
    sha = hash_func()
    f.seek(0, 2)
    length = f.tell()
    if start_ofs < 0 or end_ofs > length:
        raise AssertionError("short")
    return sha
"""

TEST = """\
import unittest
from hashlib import sha1
from io import BytesIO

import pytest

from pack import compute_file_sha


class TestPackData(unittest.TestCase):
    def test_compute_file_sha_short_file(self):
        f = BytesIO(b"abcd1234wxyz")
        try:
            {first}
            self.assertRaises(
                AssertionError,
                compute_file_sha,
                {second}
            )
        finally:
            f.close()


def test_raises():
    pytest.raises(AssertionError, compute_file_sha, BytesIO(b""), {third})
"""

OLD_FIRST = "self.assertRaises(AssertionError, compute_file_sha, f, end_ofs=-20)"
NEW_FIRST = "self.assertRaises(AssertionError, compute_file_sha, f, sha1, -20)"
BASE_TEST = TEST.format(first=OLD_FIRST,
                        second="f, start_ofs=10, end_ofs=-12,", third="end_ofs=20")
HEAD_TEST = TEST.format(first=NEW_FIRST,
                        second=",\n                ".join(["f", "sha1", "10", "-12,"]),
                        third="sha1, end_ofs=20")


def test_the_arguments_written_after_the_callable_are_the_call(tmp_path: Path) -> None:
    base = {"pack.py": PACK_BASE, "tests/test_pack.py": BASE_TEST}
    head = {"pack.py": PACK_HEAD, "tests/test_pack.py": HEAD_TEST}
    report = impact_between(base, head, tmp_path)
    assert ("pack:compute_file_sha", "parameter-added") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert "test_pack" in {a["module"] for a in report["affected"]}
    assert broken_modules(report) == set()


def test_arguments_that_no_longer_bind_still_break(tmp_path: Path) -> None:
    # the test kept the old arguments: ``hash_func`` is missing from the call
    base = {"pack.py": PACK_BASE, "tests/test_pack.py": BASE_TEST}
    head = {"pack.py": PACK_HEAD, "tests/test_pack.py": BASE_TEST}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"test_pack"}


def test_one_forwarding_call_that_no_longer_binds_breaks(tmp_path: Path) -> None:
    head_test = HEAD_TEST.replace("compute_file_sha, BytesIO(b\"\"), sha1, end_ofs=20",
                                  "compute_file_sha, BytesIO(b\"\"), end_ofs=20")
    assert head_test != HEAD_TEST
    base = {"pack.py": PACK_BASE, "tests/test_pack.py": BASE_TEST}
    head = {"pack.py": PACK_HEAD, "tests/test_pack.py": head_test}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"test_pack"}


def test_handed_to_other_outside_code_it_is_called_as_before(tmp_path: Path) -> None:
    # ``run_later`` is nothing known: it may call the function with what it required
    user = ("from io import BytesIO\nfrom hashlib import sha1\nfrom sched_lib import run_later"
            "\nfrom pack import compute_file_sha\n\n\ndef later():\n"
            "    run_later(compute_file_sha, BytesIO(b''), sha1)\n")
    base = {"pack.py": PACK_BASE, "user.py": user}
    head = {"pack.py": PACK_HEAD, "user.py": user}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"user"}


REFUSING = """\
import unittest

from pack import compute_file_sha


class TestRefused(unittest.TestCase):
    def test_needs_a_file(self):
        self.assertRaises({expected}, compute_file_sha)
"""


def test_a_call_expected_to_raise_a_type_error_may_not_bind(tmp_path: Path) -> None:
    # the test wants the call refused: it still is
    test = REFUSING.format(expected="TypeError")
    base = {"pack.py": PACK_BASE, "tests/test_refused.py": test}
    head = {"pack.py": PACK_HEAD, "tests/test_refused.py": test}
    report = impact_between(base, head, tmp_path)
    assert "test_refused" in {a["module"] for a in report["affected"]}
    assert broken_modules(report) == set()


def test_a_call_expected_to_raise_another_error_must_bind(tmp_path: Path) -> None:
    test = REFUSING.format(expected="ValueError")
    base = {"pack.py": PACK_BASE, "tests/test_refused.py": test}
    head = {"pack.py": PACK_HEAD, "tests/test_refused.py": test}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"test_refused"}
