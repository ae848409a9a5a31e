"""``impactgraph tests`` and a subclass of a builtin type handed to outside code: the outside
code calls the builtin's methods by name on what it is given, so it runs the subclass's
overrides of them (``bisect.insort(a, x)`` calls ``a.insert`` on anything but an exact
``list``; boltons' ``SortedPriorityQueue`` keeps a ``BarrelList(list)``). Removing or
renaming such an override makes the builtin's method run instead: the tests that hand the
object over are selected. A method the builtin type does not have is no such hook."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

SOURCE = """
    from bisect import insort


    class Chunked(list):
        def __init__(self):
            super().__init__()
            self.chunks = []

        def insert(self, index, item):
            self.chunks.insert(index, item)
            super().insert(index, item)

        def chunk_count(self):
            return len(self.chunks)


    class Queue:
        _backend = Chunked

        def __init__(self):
            self._items = self._backend()

        def add(self, item):
            self._push(self._items, item)

        @staticmethod
        def _push(backend, item):
            insort(backend, item)
"""

BASE = {
    "src/bag/__init__.py": SOURCE,
    "tests/test_queue.py": """
        from bag import Queue


        def test_add():
            queue = Queue()
            queue.add(2)
            queue.add(1)
            assert queue._items.chunks == [1, 2]
    """,
    "tests/test_chunked.py": """
        from bag import Chunked


        def test_count():
            assert Chunked().chunk_count() == 0
    """,
}


def test_a_renamed_override_of_a_builtin_method_selects_who_hands_the_object_over(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    renamed = SOURCE.replace("def insert(self, index, item):", "def insert_at(self, index, item):")
    commit(root, {"src/bag/__init__.py": renamed})
    assert "tests/test_queue.py" in selected_tests(root)


def test_a_method_the_builtin_lacks_is_not_run_by_outside_code(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = SOURCE.replace("return len(self.chunks)", "return len(self.chunks) + 1")
    commit(root, {"src/bag/__init__.py": changed})
    assert selected_tests(root) == ["tests/test_chunked.py"]
