"""Module names for the files of a monorepo: a top-level name two source roots define."""

from __future__ import annotations

from impactgraph.discovery import discover
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
