"""``impactgraph tests`` when a test names the code under test by a constant string rather
than by an import or an attribute read: it loads the module by name
(``importlib.import_module("pkg.lib")``, ``__import__``, ``pytest.importorskip``), and the
calls through the module returned are the module's; or it puts a test double in place of an
attribute (``mock.patch.object(lib, "helper")``, ``monkeypatch.setattr(lib, "helper", f)``),
which fails when the attribute is gone, unless told to create it."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/lib.py": """
        def helper():
            return 1


        def keep():
            return 2


        class Thing:
            def method(self):
                return 1
    """,
    "src/pkg/other.py": """
        def other():
            return 2
    """,
    "tests/test_loaded.py": """
        import importlib


        def test_loaded():
            lib = importlib.import_module("pkg.lib")
            assert lib.Thing().method() == 1
    """,
    "tests/test_imported.py": """
        def test_imported():
            lib = __import__("pkg.lib", fromlist=["Thing"])
            assert lib.Thing().method() == 1
    """,
    "tests/test_skipped.py": """
        import pytest

        lib = pytest.importorskip("pkg.lib")


        def test_skipped():
            assert lib.Thing().method() == 1
    """,
    "tests/test_other.py": """
        from importlib import import_module


        def test_other():
            assert import_module("pkg.other").other() == 2
    """,
    "tests/test_patched.py": """
        from unittest import mock

        from pkg import lib


        def test_patched():
            with mock.patch.object(lib, "helper"):
                assert lib.keep() == 2
    """,
    "tests/test_multiple.py": """
        from unittest import mock

        from pkg import lib


        def test_multiple():
            with mock.patch.multiple(lib, helper=mock.DEFAULT):
                assert lib.keep() == 2
    """,
    "tests/test_monkeypatched.py": """
        from pkg import lib


        def test_monkeypatched(monkeypatch):
            monkeypatch.setattr(lib, "helper", lambda: 5)
            assert lib.keep() == 2
    """,
    "tests/test_created.py": """
        from unittest import mock

        from pkg import lib


        def test_created(monkeypatch):
            monkeypatch.setattr(lib, "helper", lambda: 5, raising=False)
            with mock.patch.object(lib, "helper", create=True):
                assert lib.keep() == 2
    """,
}


def test_a_method_gone_selects_the_tests_that_load_its_module_by_name(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lib = BASE["src/pkg/lib.py"].replace("def method(self):", "def renamed(self):")
    commit(root, {"src/pkg/lib.py": lib})
    # before: the calls through the loaded module were unresolved, and no test file imports
    # pkg.lib by an import statement, so none of these three was selected
    assert selected_tests(root) == [
        "tests/test_imported.py", "tests/test_loaded.py", "tests/test_skipped.py"]


def test_a_change_to_another_module_loaded_by_name_selects_its_test_only(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    other = BASE["src/pkg/other.py"].replace("def other():", "def other(flag):")
    commit(root, {"src/pkg/other.py": other})
    assert selected_tests(root) == ["tests/test_other.py"]


def test_a_function_gone_selects_the_tests_that_patch_it(tmp_path: Path) -> None:
    """``mock.patch.object`` and ``monkeypatch.setattr`` raise AttributeError for a missing
    attribute; with ``create=True`` / ``raising=False`` they make it (test_created.py passes,
    and is left out)."""
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lib = BASE["src/pkg/lib.py"].replace("def helper():", "def helper_renamed():")
    commit(root, {"src/pkg/lib.py": lib})
    assert selected_tests(root) == [
        "tests/test_monkeypatched.py", "tests/test_multiple.py", "tests/test_patched.py"]
