"""``pytest.mark.*`` decorators give the function back as it is, marked: one coming or going
leaves every call of it as it was.

geopandas 1.0 traded ``@pytest.mark.skip`` for ``@pytest.mark.skipif(...)`` (or dropped a
``skipif``) on test methods overriding pandas' extension-array tests; their own calls,
``super().test_fillna_limit_pad(data_missing)`` among them, were judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

TESTS = '''\
import pytest


class Base:
    def check(self, value):
        return value


class TestValues(Base):
{marks}    def check(self, value):
        return super().check(value)

    def test_one(self):
        assert self.check(1)
'''


def _broken(tmp_path: Path, old: str, new: str) -> set[str]:
    base = {"tests/__init__.py": "", "tests/test_values.py": TESTS.format(marks=old)}
    head = {**base, "tests/test_values.py": TESTS.format(marks=new)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_mark_traded_for_another_breaks_no_call(tmp_path: Path) -> None:
    assert _broken(tmp_path, "    @pytest.mark.skip(reason='slow')\n",
                   "    @pytest.mark.skipif(True, reason='slow')\n") == set()


def test_a_mark_dropped_breaks_no_call(tmp_path: Path) -> None:
    assert _broken(tmp_path, "    @pytest.mark.skipif(True, reason='slow')\n", "") == set()


def test_a_wrapper_of_ours_traded_for_a_mark_still_breaks(tmp_path: Path) -> None:
    wrapper = ("def once(f):\n    def run(self):\n        return f(self, 0)\n    return run\n\n\n")
    base = {"tests/__init__.py": "", "tests/test_values.py": TESTS.format(marks="").replace(
        "import pytest\n", "import pytest\n\n\n" + wrapper)}
    head = {**base, "tests/test_values.py": base["tests/test_values.py"].replace(
        "    def check(self, value):\n        return super()",
        "    @once\n    def check(self, value):\n        return super()")}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"tests.test_values"}
