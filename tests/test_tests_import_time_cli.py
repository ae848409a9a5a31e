"""``impactgraph tests`` after a removal that breaks a module at import time through a name its
class body still reads (``join.__doc__ = str.join.__doc__`` once ``join`` is gone): every importer
breaks, a ``conftest.py`` among them, and so every test under that conftest's folder."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

# shaped like markupsafe 2.1.5: conftest.py imports the package for its ``params=`` fixture;
# test_custom.py imports nothing and only takes the ``escape`` fixture
BASE = {
    "src/markup/__init__.py": """
        class Markup(str):
            def join(self, seq):
                return self.__class__(super().join(seq))

            join.__doc__ = str.join.__doc__

            def upper(self):
                return self.__class__(super().upper())


        def escape(s):
            return Markup(s)
    """,
    "tests/conftest.py": """
        import pytest

        import markup


        @pytest.fixture(params=(markup,))
        def _mod(request):
            return request.param


        @pytest.fixture
        def escape(_mod):
            return _mod.escape
    """,
    "tests/test_custom.py": """
        def test_escape(escape):
            assert escape("a") == "a"
    """,
    "tests/test_markup.py": """
        from markup import Markup


        def test_join():
            assert Markup(",").join(["a", "b"]) == "a,b"
    """,
    "tools/tests/test_tools.py": """
        def test_tool():
            assert True
    """,
}


def test_a_removed_method_its_class_body_still_reads_breaks_every_importer(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    removed = BASE["src/markup/__init__.py"].replace(
        "            def join(self, seq):\n"
        "                return self.__class__(super().join(seq))\n\n", ""
    )
    commit(root, {"src/markup/__init__.py": removed})
    assert selected_tests(root) == ["tests/test_custom.py", "tests/test_markup.py"]


def test_a_removed_method_nothing_at_import_time_reads_selects_its_callers_only(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    removed = BASE["src/markup/__init__.py"].replace(
        "            def upper(self):\n"
        "                return self.__class__(super().upper())\n", ""
    )
    commit(root, {"src/markup/__init__.py": removed})
    assert selected_tests(root) == []
