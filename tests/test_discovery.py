"""Module names for the files of a monorepo: a top-level name two source roots define."""

from __future__ import annotations

import pytest

from impactgraph.discovery import discover, is_test_path
from impactgraph.local_imports import localized
from impactgraph.model import FileSummary, ImportBinding


def test_a_second_root_qualifies_the_whole_top_level_name_and_reads_its_own_imports() -> None:
    files = {f.path: f for f in discover([
        "packages/a/tests/helpers/__init__.py", "packages/a/tests/helpers/db.py",
        "packages/b/tests/helpers/__init__.py", "packages/b/tests/helpers/web.py",
        "packages/b/tests/test_x.py", "packages/b/src/beta/__init__.py",
    ])}
    assert files["packages/a/tests/helpers/db.py"].module == "helpers.db"
    # not only the clashing __init__: every module of the name under the second root
    assert files["packages/b/tests/helpers/web.py"].module == "packages.b.tests.helpers.web"
    assert files["packages/b/tests/test_x.py"].module == "test_x"
    assert files["packages/b/tests/test_x.py"].aliases == (
        ("helpers", "packages.b.tests.helpers"),)
    assert files["packages/a/tests/helpers/db.py"].aliases == ()
    assert files["packages/b/src/beta/__init__.py"].aliases == ()  # another root


def test_the_repository_root_keeps_its_name() -> None:
    files = {f.path: f.module for f in discover(["a/tests/helpers.py", "helpers.py"])}
    assert files == {"a/tests/helpers.py": "a.tests.helpers", "helpers.py": "helpers"}


def test_a_test_file_whose_name_is_no_identifier_is_discovered() -> None:
    """pytest imports a test file by its path (semver's tests/test_max-min.py); anything else
    whose name no import can say is left out, as before."""
    paths = ["tests/__init__.py", "tests/test_max-min.py", "tests/helper-data.py",
             "scripts/make-release.py", "my-tests/test_x.py", "src/pkg/__init__.py",
             "src/pkg/test_a-b.py", "checks/min-max_check.py"]
    files = {f.path: f.module for f in discover(paths)}
    assert files == {"tests/__init__.py": "tests", "tests/test_max-min.py": "tests.test_max-min",
                     "my-tests/test_x.py": "test_x", "src/pkg/__init__.py": "pkg",
                     "src/pkg/test_a-b.py": "pkg.test_a-b"}
    # the configuration's test patterns say what test files are
    files = {f.path: f.module for f in discover(paths, test_patterns=("*_check.py",))}
    assert "checks/min-max_check.py" in files and "tests/test_max-min.py" not in files


def test_localized_reads_import_paths_through_the_aliases() -> None:
    summary = FileSummary(
        "test_x", "packages/b/tests/test_x.py", False,
        imports=(ImportBinding("make", "helpers.web.make", 1, "test_x", True),
                 ImportBinding("beta", "beta", 2, "test_x", False)),
        bindings=(("v:test_x:|make", (("m:helpers.web", ".make"),)),
                  ("v:test_x:|beta", (("m:beta",),))),
    )
    local = localized(summary, [("helpers", "packages.b.tests.helpers")])
    assert [b.target for b in local.imports] == ["packages.b.tests.helpers.web.make", "beta"]
    assert dict(local.bindings) == {"v:test_x:|make": (("m:packages.b.tests.helpers.web",
                                                        ".make"),),
                                    "v:test_x:|beta": (("m:beta",),)}


def test_namespace_packages_of_two_roots_merge() -> None:
    files = discover(["packages/a/src/acme/core/__init__.py", "packages/b/src/acme/web/__init__.py",
                      "packages/b/src/acme/web/views.py"])
    assert [(f.module, f.aliases) for f in files] == [
        ("acme.core", ()), ("acme.web", ()), ("acme.web.views", ())]


NAMESPACED = ["packages/core/acme/core/__init__.py", "packages/core/acme/core/text.py",
              "packages/web/acme/web/__init__.py", "packages/core/tests/test_text.py"]


def test_a_namespace_folder_shared_by_two_flat_packages_is_part_of_the_name() -> None:
    files = {f.path: f.module for f in discover(NAMESPACED)}
    assert files == {"packages/core/acme/core/__init__.py": "acme.core",
                     "packages/core/acme/core/text.py": "acme.core.text",
                     "packages/web/acme/web/__init__.py": "acme.web",
                     "packages/core/tests/test_text.py": "test_text"}


def test_a_namespace_under_a_src_folder_names_a_flat_package_of_it() -> None:
    files = {f.path: f.module for f in discover([
        "packages/a/src/acme/a/__init__.py", "packages/b/acme/b/__init__.py"])}
    assert files == {"packages/a/src/acme/a/__init__.py": "acme.a",
                     "packages/b/acme/b/__init__.py": "acme.b"}


def test_one_flat_namespace_package_is_named_from_a_pythonpath_folder_above_it() -> None:
    paths = ["packages/core/acme/core/__init__.py", "tools/lib/run/__init__.py"]
    assert [f.module for f in discover(paths)] == ["core", "run"]
    assert [f.module for f in discover(paths, import_paths=["./packages/core/", "/abs", "."])
            ] == ["acme.core", "run"]


def test_test_packages_are_not_named_through_a_namespace() -> None:
    """flask's ``tests/test_apps/blueprintapp`` is ``blueprintapp`` (its conftest puts
    ``test_apps`` on sys.path), with or without ``tests`` on pytest's ``pythonpath``; folders
    named like a place on sys.path (``lib``) are never taken for a shared namespace."""
    paths = ["a/tests/test_apps/app1/__init__.py", "b/tests/test_apps/app2/__init__.py",
             "x/lib/one/__init__.py", "y/lib/two/__init__.py"]
    assert [f.module for f in discover(paths, import_paths=["a/tests"])] == [
        "app1", "app2", "one", "two"]


def test_namespaces_of_two_levels() -> None:
    flat = ["packages/core/acme/platform/core/__init__.py",
            "packages/web/acme/platform/web/__init__.py"]
    assert [f.module for f in discover(flat)] == ["acme.platform.core", "acme.platform.web"]
    mixed = ["packages/core/src/acme/platform/core/__init__.py",
             "packages/web/acme/platform/web/__init__.py"]
    assert [f.module for f in discover(mixed)] == ["acme.platform.core", "acme.platform.web"]


def test_a_lone_namespace_in_a_project_folder_named_for_it() -> None:
    for project in ("acme-core", "Acme.Core", "acme_core"):
        paths = [f"packages/{project}/acme/core/__init__.py", "tools/helpers/run/__init__.py"]
        assert [f.module for f in discover(paths)] == ["acme.core", "run"]


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("pkg/tests/a_spec.py", "tests/*_spec.py", True),  # pytest's fnmatch_ex: any folders before
        ("tests/sub/a_spec.py", "tests/*_spec.py", True),
        ("other/a_spec.py", "tests/*_spec.py", False),
        ("packages/a/tests/check_x.py", "packages/a/**/check_*.py", True),
        ("packages/a/check_x.py", "packages/a/**/check_*.py", True),
        ("packages/b/tests/check_x.py", "packages/a/**/check_*.py", False),
        ("packages/a/check_dir/x.py", "packages/a/**/check_*.py", False),
        ("packages/a/x/tests/y_spec.py", "packages/a/**/tests/*_spec.py", True),
    ],
)
def test_test_patterns_match_as_pytest_does(path: str, pattern: str, expected: bool) -> None:
    assert is_test_path(path, [pattern]) is expected


def test_a_folder_without_init_inside_a_package_is_a_namespace_package_of_it() -> None:
    # masonite 4.0's ``masonite/drivers/queue/``, ``drivers`` without ``__init__.py``
    files = {f.path: f.module for f in discover([
        "pkg/__init__.py", "pkg/drivers/queue/__init__.py", "pkg/drivers/queue/database.py",
        "pkg/scripts/tool.py", "pkg/tests/helpers/__init__.py",
    ])}
    assert files["pkg/drivers/queue/__init__.py"] == "pkg.drivers.queue"
    assert files["pkg/drivers/queue/database.py"] == "pkg.drivers.queue.database"
    # as before: a loose module in a folder of scripts, a test folder's package
    assert files["pkg/scripts/tool.py"] == "tool"
    assert files["pkg/tests/helpers/__init__.py"] == "helpers"


def test_modules_in_a_folder_without_init_inside_a_package_are_its_modules() -> None:
    """flask 3's ``flask/sansio/`` has no ``__init__.py``: Python imports ``flask.sansio.app``
    (``from .sansio.app import App``), and ``app.py`` imports ``from ..helpers``. They were
    the top-level ``app``, ``scaffold`` and ``blueprints``: every change of theirs named
    wrongly, and every import of them unresolved."""
    files = {f.path: f.module for f in discover([
        "flask/__init__.py", "flask/app.py", "flask/sansio/app.py", "flask/sansio/scaffold.py",
        "flask/examples/demo.py", "flask/tests/test_app.py",
        "loose/run.py", "test/__init__.py", "test/units/__init__.py",
        "test/units/galaxy/test_role.py", "test/units/galaxy/conftest.py",
    ])}
    assert files["flask/sansio/app.py"] == "flask.sansio.app"
    assert files["flask/sansio/scaffold.py"] == "flask.sansio.scaffold"
    # a folder of programs, test code, a folder that is no package's: their own names
    assert files["flask/examples/demo.py"] == "demo"
    assert files["flask/tests/test_app.py"] == "test_app"
    assert files["loose/run.py"] == "run"
    # pytest imports a test file from the first folder above it without ``__init__.py``
    # (ansible's ``test/units/cli/galaxy/``)
    assert files["test/units/galaxy/test_role.py"] == "test_role"
    assert files["test/units/galaxy/conftest.py"] == "conftest"


def test_a_namespace_beside_a_package_in_a_lib_folder_is_named_from_there() -> None:
    """matplotlib keeps ``lib/matplotlib/`` and ``lib/mpl_toolkits/mplot3d/`` (no
    ``mpl_toolkits/__init__.py``): ``lib/`` is where Python imports both from, as a ``src/``
    is, so the toolkits are ``mpl_toolkits.mplot3d``; they were the top-level ``mplot3d``,
    and every ``from mpl_toolkits.mplot3d import Axes3D`` was an import of outside code."""
    files = {f.path: f.module for f in discover([
        "lib/matplotlib/__init__.py", "lib/matplotlib/axes.py",
        "lib/mpl_toolkits/mplot3d/__init__.py", "lib/mpl_toolkits/mplot3d/axes3d.py",
        "vendor/lib/tools/__init__.py", "vendor/lib/tools/run.py",
        "other/lib/acme/core/__init__.py",
    ])}
    assert files["lib/matplotlib/axes.py"] == "matplotlib.axes"
    assert files["lib/mpl_toolkits/mplot3d/__init__.py"] == "mpl_toolkits.mplot3d"
    assert files["lib/mpl_toolkits/mplot3d/axes3d.py"] == "mpl_toolkits.mplot3d.axes3d"
    # a lib/ folder holding only namespace folders: nothing says it is where Python imports
    # from (a lib/ of one package is its own root, as before)
    assert files["vendor/lib/tools/run.py"] == "tools.run"
    assert files["other/lib/acme/core/__init__.py"] == "core"
