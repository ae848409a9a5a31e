"""``impactgraph tests`` follows an unresolved ``x.name(...)`` in a test method of a shared base
test class to the files of the test classes that inherit it: pytest runs the method under each
of them, and ``self`` (here what its ``cache_factory`` makes) is theirs. (Found on cachelib
0.13.0: tests/common.py's ``CommonTests.test_inc_dec`` calls ``self.cache_factory().dec(...)``,
``cache_factory`` set by each test file's fixture as ``request.cls.cache_factory``; common.py
imports no cachelib. Removing ``BaseCache.dec``'s ``delta`` failed tests/test_simple_cache.py
and tests/test_file_system_cache.py, neither selected: the unresolved call's object was only
looked for in the packages common.py imports, and the method was reached by no test file.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

STORE = """
    class BaseCache:
        def get(self, key):
            return None

        def set(self, key, value):
            return True

        def dec(self, key, delta=1):
            value = (self.get(key) or 0) - delta
            return value if self.set(key, value) else None


    class SimpleCache(BaseCache):
        pass
"""

FACTORY = """
    import pytest

    from store import SimpleCache


    @pytest.fixture(autouse=True)
    def cache_factory(request):
        def _factory(self, *args, **kwargs):
            return SimpleCache(*args, **kwargs)

        request.cls.cache_factory = _factory
"""

TESTS = {
    "tests/common.py": """
        class CommonTests:
            def test_dec(self):
                cache = self.cache_factory()
                assert cache.dec("n", 5) == -5


        class GetTests:
            def test_get(self):
                cache = self.cache_factory()
                assert cache.get("n") is None
    """,
    "tests/test_simple.py": FACTORY + """

        from common import CommonTests


        class TestSimple(CommonTests):
            pass
    """,
    "tests/test_get.py": FACTORY + """

        from common import GetTests


        class TestGet(GetTests):
            pass
    """,
    "tests/test_other.py": """
        from store import SimpleCache


        def test_set():
            assert SimpleCache().set("k", 1)
    """,
}


def test_an_inherited_test_method_s_unresolved_call_selects_the_subclasses(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/store.py": STORE, **TESTS}, message="base", tag="base")
    commit(root, {"src/store.py": STORE.replace("def dec(self, key, delta=1):",
                                                "def dec(self, key):")})
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_simple.py"]
    assert reasons["tests/test_simple.py"] == [
        "unresolved call .dec() in common:CommonTests.test_dec may run dec, which is affected,"
        " run by the test classes inheriting common:CommonTests.test_dec"]
