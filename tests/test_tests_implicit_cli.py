"""``impactgraph tests`` selects test files reached only through what pytest and Python wire up
implicitly: fixtures, computed method names, dunder methods."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/tool/__init__.py": "",
    "src/tool/cli.py": """
        class CliRunner:
            def invoke(self, command):
                return command()


        class Other:
            def run(self):
                return 1
    """,
    "tests/conftest.py": """
        import pytest

        from tool.cli import CliRunner


        @pytest.fixture
        def runner():
            return CliRunner()
    """,
    "tests/test_invoke.py": """
        def hello():
            return "hi"


        def test_invoke(runner):
            assert runner.invoke(hello) == "hi"
    """,
    "tests/test_other.py": """
        from tool.cli import Other


        def test_other():
            assert Other().run() == 1
    """,
}


def test_a_change_to_a_fixture_provided_objects_method_selects_its_test(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/tool/cli.py"].replace("return command()", "return command() or None")
    commit(root, {"src/tool/cli.py": changed})
    assert selected_tests(root) == ["tests/test_invoke.py"]


def test_a_change_to_a_dunder_selects_the_test_that_calls_it_implicitly(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {
        "src/web/__init__.py": "",
        "src/web/params.py": """
            class QueryParams:
                def __init__(self, items):
                    self.items = items

                def __str__(self):
                    return "&".join(self.items)
        """,
        "tests/test_params.py": """
            from web.params import QueryParams


            def test_str():
                q = QueryParams(["a=1"])
                assert str(q) == "a=1"
        """,
        "tests/test_other.py": "def test_nothing():\n    assert True\n",
    }
    commit(root, files, message="base", tag="base")
    changed = files["src/web/params.py"].replace("join(self.items)", "join(sorted(self.items))")
    commit(root, {"src/web/params.py": changed})
    assert selected_tests(root) == ["tests/test_params.py"]


def test_a_change_to_a_method_reached_by_getattr_dispatch_selects_its_test(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    files = {
        "src/tpl/__init__.py": "",
        "src/tpl/visitor.py": """
            class Visitor:
                def visit(self, node):
                    return getattr(self, "visit_" + type(node).__name__)(node)

                def visit_Getattr(self, node):
                    return "getattr"
        """,
        "tests/test_render.py": """
            from tpl.visitor import Visitor


            def test_render():
                assert Visitor().visit(object()) is not None
        """,
        "tests/test_other.py": "def test_nothing():\n    assert True\n",
    }
    commit(root, files, message="base", tag="base")
    changed = files["src/tpl/visitor.py"].replace('return "getattr"', 'return "attr"')
    commit(root, {"src/tpl/visitor.py": changed})
    assert selected_tests(root) == ["tests/test_render.py"]


def test_comparing_tuples_compares_their_elements(tmp_path: Path) -> None:
    """``key_a > key_b`` on tuples calls ``__eq__`` and ``__gt__`` of the elements, nested
    tuples too (packaging's versions compare keys that hold ``Infinity`` sentinels)."""
    root = init_repo(tmp_path / "repo")
    files = {
        "src/ver/__init__.py": "",
        "src/ver/structures.py": """
            class InfinityType:
                def __eq__(self, other):
                    return isinstance(other, self.__class__)

                def __gt__(self, other):
                    return True


            Infinity = InfinityType()
        """,
        "src/ver/version.py": """
            from ver.structures import Infinity


            def _cmpkey(release, pre):
                if pre is None:
                    pre = Infinity
                return (release, (pre, 0))


            class Version:
                def __init__(self, release, pre=None):
                    self._key = _cmpkey(release, pre)

                def __gt__(self, other):
                    return self._key > other._key
        """,
        "tests/test_version.py": """
            from ver.version import Version


            def test_order():
                assert Version(2) > Version(1, "a")
        """,
        "tests/test_other.py": "def test_nothing():\n    assert True\n",
    }
    commit(root, files, message="base", tag="base")
    changed = files["src/ver/structures.py"].replace(
        "def __gt__(self, other):", "def __gt__(self):"
    )
    commit(root, {"src/ver/structures.py": changed})
    assert selected_tests(root) == ["tests/test_version.py"]
