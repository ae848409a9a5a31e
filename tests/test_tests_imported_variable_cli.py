"""``impactgraph tests`` for a module-level variable read or called where it was imported
with ``from module import NAME`` (or through a re-export): the reader uses the changed value.
The linker linked a read of a module's own variable, but not of an imported one, so a changed
value reached nobody (seen on jmespath 1.1.0: ``tests/__init__.py``'s
``from collections import OrderedDict`` made ``OrderedDict = list`` failed test_parser.py and
test_search.py, which import it from ``tests``; none was selected)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo


def sources() -> dict[str, str]:
    return {
        "pkg/__init__.py": "from pkg.compat import LIMIT\n",
        "pkg/compat.py": "LIMIT = 3\nOrderedDict = dict\n",
        "pkg/use.py": """
            from pkg.compat import LIMIT


            def lim():
                return LIMIT
        """,
        "tests/__init__.py": "from collections import OrderedDict\n",
        "tests/test_calls.py": """
            from pkg.use import lim


            def test_lim():
                assert lim() == 3
        """,
        "tests/test_reads.py": """
            from pkg.compat import LIMIT


            def test_limit():
                assert LIMIT == 3
        """,
        "tests/test_reexport.py": """
            from pkg import LIMIT


            def test_limit():
                assert LIMIT == 3
        """,
        "tests/test_alias.py": """
            from pkg.compat import OrderedDict


            def test_order():
                assert list(OrderedDict(a=1)) == ["a"]
        """,
        "tests/test_helper.py": """
            from tests import OrderedDict


            def test_order():
                assert list(OrderedDict(a=1)) == ["a"]
        """,
        "tests/test_other.py": """
            def test_nothing():
                assert True
        """,
    }


def test_a_changed_value_selects_who_reads_it_through_an_import(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(), message="base", tag="base")
    commit(root, {"pkg/compat.py": "LIMIT = 4\nOrderedDict = dict\n"})
    assert set(selected_reasons(root)) == {
        "tests/test_calls.py", "tests/test_reads.py", "tests/test_reexport.py"}


def test_a_changed_alias_selects_who_calls_it_through_an_import(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(), message="base", tag="base")
    commit(root, {"pkg/compat.py": "LIMIT = 3\nOrderedDict = list\n"})
    assert set(selected_reasons(root)) == {"tests/test_alias.py"}


def test_an_import_turned_variable_selects_who_imports_the_name(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, sources(), message="base", tag="base")
    commit(root, {"tests/__init__.py": "OrderedDict = list\n"})
    assert set(selected_reasons(root)) == {"tests/test_helper.py"}
