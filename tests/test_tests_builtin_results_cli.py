"""``impactgraph tests`` knows what some builtin functions return: ``dir()`` a list of names,
``repr()`` text, ``len()`` a number (Python raises where a special method of ours returns
another type). A method called on such a result is the builtin type's, not any method of ours
of that name: ``names = dir({}); names.extend(self.keys())`` in a ``__dir__`` does not run a
changed ``extend`` of ours, while ``.update()`` on a value that may be ours still may.
(Found on traitlets 5.14.3: ``Bunch.__dir__`` does ``names = dir({})`` then
``names.extend(self.keys())``; the unresolved ``.extend()`` selected tests/utils/test_bunch.py,
which only tests ``Bunch``, on 21 of 30 changes elsewhere, through ``LazyConfigValue.extend``.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/conf/__init__.py": "",
    "src/conf/bunch.py": """
        class Bunch(dict):
            def __dir__(self):
                names = dir({})
                names.extend(self.keys())
                return names

            def describe(self):
                text = repr(self)
                return text.upper()


        class Record:
            def __init__(self, **values):
                vars(self).update(values)
    """,
    "src/conf/lazy.py": """
        class LazyValue:
            def __init__(self):
                self.items = []

            def extend(self, other):
                self.items = self.items + list(other)
                return self.items

            def update(self, other):
                self.items = list(other)

            def upper(self):
                return [str(i).upper() for i in self.items]


        def load(values):
            return LazyValue().extend(values)
    """,
    "tests/test_bunch.py": """
        from conf.bunch import Bunch


        def test_dir():
            assert "a" in dir(Bunch(a=1))
            assert Bunch(a=1).describe() == "{'A': 1}"
    """,
    "tests/test_record.py": """
        from conf.bunch import Record


        def test_record():
            assert Record(a=1).a == 1
    """,
    "tests/test_lazy.py": """
        from conf.lazy import load


        def test_load():
            assert load([1]) == [1]
    """,
}


def test_a_method_called_on_what_a_builtin_returns_is_the_builtin_types(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lazy = BASE["src/conf/lazy.py"].replace("def extend(self, other):",
                                            "def extend(self, other, more):")
    lazy = lazy.replace("def update(self, other):", "def update(self, other, more):")
    lazy = lazy.replace("def upper(self):", "def upper(self, strict):")
    commit(root, {"src/conf/lazy.py": lazy})
    # vars() gives the object's own __dict__, which may be a mapping of ours: Record's
    # vars(self).update(...) may still run LazyValue.update
    assert selected_tests(root) == ["tests/test_lazy.py", "tests/test_record.py"]
