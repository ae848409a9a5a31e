"""``impactgraph tests`` follows a call through ``self`` in a base class only for the receivers
that can run the changed override: a test whose object is of another class is left out.

Shaped like cachetools 5.5.0: ``Store.put`` asks ``key not in self`` and calls
``self.evict()``, which class hierarchy analysis links to every subclass's override; and a test
mixin parameterised by a class attribute (``Store = None``, ``self.Store(2)``), inherited by one
test class per store."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cli_support import selected_reasons, selected_tests
from git_support import commit, init_repo

BASE = {
    "src/store/__init__.py": """
        from store.base import LRUStore, Store, SubTimedStore, TimedStore

        __all__ = ["LRUStore", "Store", "SubTimedStore", "TimedStore"]
    """,
    "src/store/base.py": """
        class Store:
            def __init__(self, size):
                self.size = size
                self.data = {}

            def put(self, key, value):
                if key not in self:
                    self.evict()
                self.data[key] = value

            def __contains__(self, key):
                return key in self.data

            def evict(self):
                return None


        class LRUStore(Store):
            def evict(self):
                self.data.clear()


        class TimedStore(Store):
            def evict(self):
                self.expire()

            def expire(self):
                return 1

            def __contains__(self, key):
                self.expire()
                return key in self.data


        class SubTimedStore(TimedStore):
            pass
    """,
    "tests/__init__.py": """
        class StoreTests:
            Store = None

            def test_put(self):
                store = self.Store(2)
                store.put(1, 2)
                assert 1 in store
    """,
    "tests/test_lru.py": """
        from store import LRUStore


        def test_lru():
            store = LRUStore(2)
            store.put(1, 2)
            assert 1 in store
    """,
    "tests/test_timed.py": """
        from store import TimedStore


        def test_timed():
            store = TimedStore(2)
            store.put(1, 2)
    """,
    "tests/test_subtimed.py": """
        from store import SubTimedStore


        def test_subtimed():
            store = SubTimedStore(2)
            store.put(1, 2)
    """,
    "tests/test_given.py": """
        from store import LRUStore


        def fill(store):
            store.put(1, 2)


        def test_given():
            fill(LRUStore(2))
    """,
    "tests/test_lru_mixin.py": """
        import unittest

        from store import LRUStore

        from . import StoreTests


        class LRUStoreTest(StoreTests, unittest.TestCase):
            Store = LRUStore
    """,
    "tests/test_timed_mixin.py": """
        import unittest

        from store import TimedStore

        from . import StoreTests


        class TimedStoreTest(StoreTests, unittest.TestCase):
            Store = TimedStore
    """,
    "tests/test_subtimed_mixin.py": """
        from .test_timed_mixin import TimedStoreTest


        class SubTimedStoreTest(TimedStoreTest):
            pass
    """,
}


def _changed(old: str, new: str) -> dict[str, str]:
    source = textwrap.dedent(BASE["src/store/base.py"])
    assert old in source
    return {"src/store/base.py": source.replace(old, new)}


def test_an_override_reached_through_self_selects_only_the_tests_of_its_class(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, _changed("def expire(self):\n        return 1",
                          "def expire(self):\n        return 2"))
    assert selected_tests(root) == [
        # the receiver comes in through a parameter: not known, kept
        "tests/test_given.py",
        # a subclass of the class whose override changed runs it too
        "tests/test_subtimed.py",
        "tests/test_subtimed_mixin.py",
        "tests/test_timed.py",
        "tests/test_timed_mixin.py",
    ]


def test_the_base_method_itself_still_selects_every_receiver(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, _changed("        self.data[key] = value", "        self.data[key] = [value]"))
    assert selected_tests(root) == [
        "tests/test_given.py",
        "tests/test_lru.py",
        "tests/test_lru_mixin.py",
        "tests/test_subtimed.py",
        "tests/test_subtimed_mixin.py",
        "tests/test_timed.py",
        "tests/test_timed_mixin.py",
    ]


def test_the_mixin_is_inherited_only_by_the_test_classes_whose_store_reaches_the_change(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, _changed("    def evict(self):\n        self.data.clear()",
                          "    def evict(self):\n        self.data.popitem()"))
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_given.py", "tests/test_lru.py",
                               "tests/test_lru_mixin.py"]
    assert any("tests.test_lru_mixin:LRUStoreTest inherits the tests of tests:StoreTests" in r
               for r in reasons["tests/test_lru_mixin.py"])


BORROWED = {
    "src/tools.py": """
        class Helper:
            def run(self):
                return self.step()

            def step(self):
                return 1


        class Other:
            def go(self):
                return Helper.run(self)

            def step(self):
                return 2
    """,
    "tests/test_other.py": """
        from tools import Other


        def test_go():
            assert Other().go() == 2
    """,
}


def test_a_method_borrowed_onto_another_class_keeps_its_callers(tmp_path: Path) -> None:
    # ``Helper.run(self)`` with a self that is no Helper: Python 3 runs it all the same
    root = init_repo(tmp_path / "repo")
    commit(root, BORROWED, message="base", tag="base")
    source = textwrap.dedent(BORROWED["src/tools.py"])
    commit(root, {"src/tools.py": source.replace("return self.step()",
                                                 "return self.step() + 0")})
    assert selected_tests(root) == ["tests/test_other.py"]
