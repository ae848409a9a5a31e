"""``impactgraph tests``: ``tuple.__repr__(self)`` in the library runs the builtin's ``__repr__``,
not any ``__repr__`` of ours: a change to an unrelated ``__repr__`` does not keep every test
that reaches it (jinja2's ``_GroupTuple.__repr__`` kept all 22 test files for a change to
``Namespace.__repr__``)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": "",
    "src/pkg/groups.py": """
        class Grouped(tuple):
            def __repr__(self):
                return tuple.__repr__(self)


        class NotFound(IOError):
            def __init__(self, name):
                IOError.__init__(self, name)


        def group(items):
            return repr(Grouped(items))


        def find(name):
            raise NotFound(name)
    """,
    "src/pkg/names.py": """
        class Namespace:
            def __init__(self, **values):
                self.values = values

            def __repr__(self):
                return f"<Namespace {self.values!r}>"
    """,
    "tests/test_groups.py": """
        import pytest

        from pkg.groups import find, group


        def test_group():
            assert group([1]) == "(1,)"


        def test_find():
            with pytest.raises(OSError):
                find("x")
    """,
    "tests/test_names.py": """
        from pkg.names import Namespace


        def test_repr():
            assert repr(Namespace(a=1)).startswith("<Namespace")
    """,
}


def test_a_builtin_classs_method_keeps_no_test_for_another_repr(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/names.py"].replace("<Namespace ", "<ns ")
    commit(root, {"src/pkg/names.py": changed})
    assert selected_tests(root) == ["tests/test_names.py"]


def test_a_change_to_the_class_itself_still_selects_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/groups.py"].replace(
        "return tuple.__repr__(self)", "return 'G' + tuple.__repr__(self)"
    )
    commit(root, {"src/pkg/groups.py": changed})
    assert selected_tests(root) == ["tests/test_groups.py"]
