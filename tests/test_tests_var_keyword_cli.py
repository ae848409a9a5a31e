"""``impactgraph tests`` follows a keyword argument into the ``**options`` dict of the function
it is passed to, where ``options.pop("storage", Default)``, ``.get`` or ``options["storage"]``
gives it back. (Found on tinydb 4.8.0: ``TinyDB(path, storage=ReadOnlyMiddleware(JSONStorage))``,
whose ``__init__(self, *args, **kwargs)`` calls ``kwargs.pop('storage', ...)`` and keeps what it
returns; ``close`` then runs ``Middleware.__getattr__`` for the ``close`` the middleware lacks.
Making ``__getattr__`` raise failed that test file, which was not selected: only the default
storage was known to be called.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

STORE = """
    class Storage:
        def close(self):
            pass


    class MemoryStorage(Storage):
        pass


    class Middleware:
        def __init__(self, storage_cls):
            self._storage_cls = storage_cls

        def __call__(self, *args, **kwargs):
            self.storage = self._storage_cls(*args, **kwargs)
            return self

        def __getattr__(self, name):
            return getattr(self.__dict__["storage"], name)


    class Database:
        def __init__(self, *args, **kwargs):
            storage = GETTER
            self._storage = storage(*args, **kwargs)

        def close(self):
            self._storage.close()
"""

TESTS = {
    "tests/test_database.py": """
        from store import Database, MemoryStorage, Middleware


        def test_close():
            Database(storage=Middleware(MemoryStorage)).close()
    """,
    "tests/test_storage.py": """
        from store import MemoryStorage


        def test_close():
            MemoryStorage().close()
    """,
}


@pytest.mark.parametrize("getter", [
    'kwargs.pop("storage", MemoryStorage)', 'kwargs.get("storage", MemoryStorage)',
    'kwargs["storage"]',
])
def test_a_keyword_taken_by_var_keyword_reaches_the_function(tmp_path: Path, getter: str) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/store.py": STORE.replace("GETTER", getter), **TESTS},
           message="base", tag="base")
    source = STORE.replace("GETTER", getter)
    changed = source.replace('return getattr(self.__dict__["storage"], name)',
                             'raise AttributeError(name)')
    assert changed != source
    commit(root, {"src/store.py": changed})
    assert selected_tests(root) == ["tests/test_database.py"]


def test_a_keyword_is_read_under_its_own_key_only(tmp_path: Path) -> None:
    """Only the ``storage=`` the callers pass is the ``storage`` entry: the dict's other
    keywords (here a middleware passed as ``backup=``) are not read with it."""
    source = STORE.replace("GETTER", 'kwargs.pop("storage", MemoryStorage)')
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/store.py": source, "tests/test_backup.py": """
        from store import Database, MemoryStorage, Middleware


        def test_close():
            Database(storage=MemoryStorage, backup=Middleware(MemoryStorage)).close()
    """}, message="base", tag="base")
    commit(root, {"src/store.py": source.replace(
        'return getattr(self.__dict__["storage"], name)', 'raise AttributeError(name)')})
    assert selected_tests(root) == []
