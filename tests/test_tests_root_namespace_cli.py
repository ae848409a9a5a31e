"""``impactgraph tests`` when code imports a folder without ``__init__.py`` by its path from
the repository root: ``lib/m.py`` imported as ``lib.m`` (a PEP 420 namespace package), and
``tests/helpers.py`` imported as ``tests.helpers``. ``python -m pytest`` (and a root
``conftest.py``, or ``pythonpath = ["."]``) puts the repository root on ``sys.path``, so these
imports work, although the modules go by ``m`` and ``helpers`` (a loose module's folder is
its root). Every form of the import reaches the file: the tests that fail must be selected."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import runner, selected_tests
from git_support import commit, init_repo

from impactgraph.cli import app

BASE = {
    "lib/m.py": """
        def f(a):
            return a


        def unrelated():
            return 0
    """,
    "lib/sub/deep.py": """
        def g(a):
            return a
    """,
    "tests/helpers.py": """
        from lib.m import f


        def helper():
            return f(1)
    """,
    "tests/test_through_helper.py": """
        from tests.helpers import helper


        def test_x():
            assert helper()
    """,
    "tests/test_from_package.py": """
        from lib import m


        def test_y():
            assert m.f(2)
    """,
    "tests/test_dotted_import.py": """
        import lib.m


        def test_z():
            assert lib.m.f(2)
    """,
    "tests/test_from_module.py": """
        from lib.m import f


        def test_w():
            assert f(2)
    """,
    "tests/test_deep.py": """
        import lib.sub.deep as deep
        from lib.sub import deep as again


        def test_deep():
            assert deep.g(1) and again.g(1)
    """,
    "tests/test_other.py": """
        from lib.m import unrelated


        def test_v():
            assert unrelated() == 0
    """,
}


def test_every_import_of_a_root_namespace_module_reaches_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"lib/m.py": BASE["lib/m.py"].replace("def f(a):", "def f(a, b):")})
    # python -m pytest fails all four; test_other only uses unrelated()
    assert selected_tests(root) == [
        "tests/test_dotted_import.py",
        "tests/test_from_module.py",
        "tests/test_from_package.py",
        "tests/test_through_helper.py",
    ]


def test_a_module_two_namespace_folders_down_reaches_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"lib/sub/deep.py": "def g(a, b):\n    return a\n"})
    assert selected_tests(root) == ["tests/test_deep.py"]


def test_a_real_module_of_that_name_wins(tmp_path: Path) -> None:
    """Where a package really has the dotted name (``tests/__init__.py`` makes ``tests.helpers``
    the module itself), nothing is read through the folder path."""
    files = {**BASE, "tests/__init__.py": ""}
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"tests/helpers.py": BASE["tests/helpers.py"].replace("def helper():",
                                                                       "def helper(x):")})
    assert selected_tests(root) == ["tests/test_through_helper.py"]


def broken_modules(root: Path) -> list[str]:
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    return sorted(a["module"] for a in json.loads(result.stdout)["affected"] if a["breaking"])


def test_a_removed_function_breaks_what_imports_or_calls_it_through_the_folder(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"lib/m.py": "def unrelated():\n    return 0\n"})
    # ``from lib.m import f`` fails on import; ``m.f(2)`` and ``lib.m.f(2)`` when they run
    assert broken_modules(root) == ["helpers", "test_dotted_import", "test_from_module",
                                    "test_from_package", "test_through_helper"]


def test_a_removed_module_breaks_every_importer_through_the_folder(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"lib/m.py": None, "lib/n.py": BASE["lib/m.py"]})
    assert broken_modules(root) == ["helpers", "test_dotted_import", "test_from_module",
                                    "test_from_package", "test_other", "test_through_helper"]
    assert selected_tests(root) == [
        "tests/test_dotted_import.py", "tests/test_from_module.py",
        "tests/test_from_package.py", "tests/test_other.py", "tests/test_through_helper.py",
    ]


PANTS = {
    "pants.toml": '[source]\nroot_patterns = ["src/python"]\n',
    "src/python/org/proj/util.py": """
        def f(a):
            return a
    """,
    "src/python/org/proj/util_test.py": """
        from org.proj.util import f


        def test_f():
            assert f(1)
    """,
    "src/python/org/other/lib.py": """
        from org.proj import util


        def g():
            return util.f(2)
    """,
    "src/python/org/other/lib_test.py": """
        import org.other.lib


        def test_g():
            assert org.other.lib.g()
    """,
    "src/python/org/other/none_test.py": """
        def test_n():
            pass
    """,
}


def test_an_import_from_a_source_root_we_do_not_know_reaches_the_one_file_it_can_mean(
    tmp_path: Path,
) -> None:
    """Pants (``root_patterns``) or a ``sys.path`` entry puts ``src/python`` on the path:
    ``org.proj.util`` is the only file whose path ends in ``org/proj/util.py``."""
    root = init_repo(tmp_path / "repo")
    commit(root, PANTS, message="base", tag="base")
    commit(root, {"src/python/org/proj/util.py": "def f(a, b):\n    return a\n"})
    assert selected_tests(root) == ["src/python/org/other/lib_test.py",
                                    "src/python/org/proj/util_test.py"]


PACKAGE_TESTS = {
    "packages/{p}/pyproject.toml": '[project]\nname = "{p}"\nversion = "0"\n',
    "packages/{p}/src/{p}/__init__.py": "",
    "packages/{p}/src/{p}/core.py": """
        def run():
            return 1
    """,
    "packages/{p}/tests/helpers.py": """
        from {p}.core import run


        def helper(x):
            return run() + x
    """,
    "packages/{p}/tests/test_core.py": """
        from tests.helpers import helper


        def test_core():
            assert helper(1)
    """,
}


def package_files(*packages: str) -> dict[str, str]:
    return {path.format(p=p): text.replace("{p}", p)
            for p in packages for path, text in PACKAGE_TESTS.items()}


def test_a_package_of_a_monorepo_whose_tests_import_their_helpers_by_folder(
    tmp_path: Path,
) -> None:
    """``cd packages/web && python -m pytest``: ``tests.helpers`` is that package's own."""
    root = init_repo(tmp_path / "repo")
    commit(root, package_files("web"), message="base", tag="base")
    commit(root, {"packages/web/tests/helpers.py": PACKAGE_TESTS["packages/{p}/tests/helpers.py"]
                  .replace("{p}", "web").replace("def helper(x):", "def helper(x, y):")})
    assert selected_tests(root) == ["packages/web/tests/test_core.py"]


def test_two_packages_whose_tests_import_tests_helpers_are_not_guessed_between(
    tmp_path: Path,
) -> None:
    """Which ``tests/helpers.py`` ``tests.helpers`` means depends on where pytest runs: with two,
    the import names neither (one package's change does not break the other's tests)."""
    root = init_repo(tmp_path / "repo")
    commit(root, package_files("web", "api"), message="base", tag="base")
    commit(root, {"packages/web/tests/helpers.py": PACKAGE_TESTS["packages/{p}/tests/helpers.py"]
                  .replace("{p}", "web").replace("def helper(x):", "def helper(x, y):")})
    assert "packages/api/tests/test_core.py" not in selected_tests(root)


def test_a_private_name_imported_through_the_folder_is_used_elsewhere(tmp_path: Path) -> None:
    """Removing ``_scale`` from ``lib/m.py`` (the module ``m``) breaks ``from lib.m import
    _scale`` in another file: the removal is breaking, as for ``from m import _scale``."""
    root = init_repo(tmp_path / "repo")
    commit(root, {**BASE, "lib/m.py": "def f(a):\n    return a\n\n\ndef _scale(x):\n    return x\n",
                  "lib/use.py": "from lib.m import _scale\n\nDOUBLE = _scale(2)\n"},
           message="base", tag="base")
    commit(root, {"lib/m.py": "def f(a):\n    return a\n"})
    result = runner.invoke(app, ["changes", "--repo", str(root), "--base", "base",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["changes"]
    assert [(c["symbol"], c["kind"], c["breaking"]) for c in changes] == [
        ("m:_scale", "symbol-removed", True)]
