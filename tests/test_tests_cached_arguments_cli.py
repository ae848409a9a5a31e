"""``impactgraph tests`` knows that a function wrapped by ``functools.lru_cache`` or
``functools.cache`` hashes its arguments on every call (and compares them with ``==`` on a
hit): a change to an argument's ``__hash__`` or ``__eq__`` reaches the tests that call it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

# shaped like soupsieve 2.6: compile() hands a hashable mapping to a cached function, and the
# mapping's class is a Mapping subclass (collections.abc.Mapping sets __hash__ = None: without
# the override, the call raises TypeError: unhashable type)
BASE = {
    "src/sel/__init__.py": """
        from sel import parser
        from sel.types import Namespaces


        def compile(pattern, namespaces=None, flags=0):
            return parser.cached_compile(
                pattern, Namespaces(namespaces) if namespaces is not None else namespaces, flags
            )


        def escape(text):
            return text.replace(".", "\\\\.")
    """,
    "src/sel/types.py": """
        from collections.abc import Mapping


        class FrozenDict(Mapping):
            def __init__(self, arg):
                self._d = dict(arg)
                self._hash = hash(tuple(sorted(self._d.items())))

            def __iter__(self):
                return iter(self._d)

            def __len__(self):
                return len(self._d)

            def __getitem__(self, key):
                return self._d[key]

            def __hash__(self):
                return self._hash


        class Namespaces(FrozenDict):
            pass
    """,
    "src/sel/parser.py": """
        IMPORT


        DECORATOR
        def cached_compile(pattern, namespaces, flags):
            return (pattern, namespaces, flags)
    """,
    "tests/test_compile.py": """
        import sel


        def test_compile():
            assert sel.compile("a", {"x": "y"})[0] == "a"
    """,
    "tests/test_escape.py": """
        import sel


        def test_escape():
            assert sel.escape("a.b") == "a\\\\.b"
    """,
}
HASH = """
            def __hash__(self):
                return self._hash
"""

FORMS = [
    ("from functools import lru_cache", "@lru_cache(maxsize=64)"),
    ("from functools import lru_cache", "@lru_cache"),
    ("import functools", "@functools.lru_cache(maxsize=None)"),
    ("import functools", "@functools.cache"),
]


def _repo(tmp_path: Path, imports: str, decorator: str) -> Path:
    root = init_repo(tmp_path / "repo")
    files = dict(BASE)
    files["src/sel/parser.py"] = (
        files["src/sel/parser.py"].replace("IMPORT", imports).replace("DECORATOR", decorator)
    )
    commit(root, files, message="base", tag="base")
    return root


@pytest.mark.parametrize(("imports", "decorator"), FORMS)
def test_removing_the_hash_of_a_cached_functions_argument(
    tmp_path: Path, imports: str, decorator: str
) -> None:
    root = _repo(tmp_path, imports, decorator)
    commit(root, {"src/sel/types.py": BASE["src/sel/types.py"].replace(HASH, "\n")})
    assert selected_tests(root) == ["tests/test_compile.py"]


@pytest.mark.parametrize(("imports", "decorator"), FORMS[:1])
def test_changing_the_eq_of_a_cached_functions_argument(
    tmp_path: Path, imports: str, decorator: str
) -> None:
    root = _repo(tmp_path, imports, decorator)
    eq = HASH + """
            def __eq__(self, other):
                return dict(self) == dict(other)
"""
    commit(root, {"src/sel/types.py": BASE["src/sel/types.py"].replace(HASH, eq)},
           message="eq", tag="eq")
    changed = BASE["src/sel/types.py"].replace(HASH, eq.replace("dict(self) ==", "self is"))
    commit(root, {"src/sel/types.py": changed})
    assert selected_tests(root, base="eq") == ["tests/test_compile.py"]


def test_a_cached_method_hashes_its_instance(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {
        "src/pat/__init__.py": "",
        "src/pat/pattern.py": """
            import functools


            class Pattern:
                def __init__(self, text):
                    self.text = text

                def __hash__(self):
                    return hash(self.text)

                def __eq__(self, other):
                    return isinstance(other, Pattern) and other.text == self.text

                @functools.lru_cache(maxsize=128)
                def matches(self, value):
                    return value.startswith(self.text)


            def plain(text):
                return text
        """,
        "tests/test_matches.py": """
            from pat.pattern import Pattern


            def test_matches():
                assert Pattern("a").matches("abc")
        """,
        "tests/test_plain.py": """
            from pat.pattern import plain


            def test_plain():
                assert plain("a") == "a"
        """,
    }
    commit(root, files, message="base", tag="base")
    changed = files["src/pat/pattern.py"].replace("hash(self.text)", "hash(self.text[:1])")
    commit(root, {"src/pat/pattern.py": changed})
    assert selected_tests(root) == ["tests/test_matches.py"]


def test_an_uncached_function_does_not_hash_its_arguments(tmp_path: Path) -> None:
    root = _repo(tmp_path, "import functools", "@functools.wraps(compile)")
    commit(root, {"src/sel/types.py": BASE["src/sel/types.py"].replace(HASH, "\n")})
    assert selected_tests(root) == []
