"""``impactgraph tests`` on a property whose getter no longer binds the instance alone (toolz's
``Compose.__name__`` given a required parameter): every read of the attribute calls
``fget(obj)`` and fails, so the tests reading it through an object a factory returns must be
selected; a getter that only gains an optional parameter breaks nothing."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/fn/__init__.py": """
        def identity(x):
            return x


        class Compose:
            def __init__(self, funcs):
                self.funcs = funcs

            @property
            def __name__(self):
                return "_of_".join(f.__name__ for f in self.funcs)

            def __call__(self, x):
                for f in reversed(self.funcs):
                    x = f(x)
                return x


        def compose(*funcs):
            if not funcs:
                return identity
            return Compose(funcs)
    """,
    "tests/test_name.py": """
        from fn import compose


        def test_name():
            assert compose(len, str).__name__ == "len_of_str"
    """,
    "tests/test_call.py": """
        from fn import identity


        def test_identity():
            assert identity(1) == 1
    """,
}


def _getter(parameters: str) -> dict[str, str]:
    source = BASE["src/fn/__init__.py"]
    return {"src/fn/__init__.py": source.replace("def __name__(self)",
                                                 f"def __name__(self, {parameters})")}


def test_a_getter_that_needs_another_argument_breaks_every_read(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, _getter("*, sep"))
    assert selected_tests(root) == ["tests/test_name.py"]


def test_a_getter_with_a_new_optional_parameter_breaks_nothing(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, _getter("sep='_of_'"))
    assert selected_tests(root) == []
