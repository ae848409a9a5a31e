"""A module breaks at import time only through code that runs, and exists, while it is imported.

``import_time_callers`` climbs from a broken function to the module code that reaches it. A
chain may pass through a call of a value handed in (``transformer(cls)`` in a class builder):
the linker binds that parameter to every function passed anywhere, a test's hook too. While
the module is imported, only functions of the modules that importing it runs exist
(``confirm_import_breaks``): a chain through another module's function leaves the module
affected, not broken (attrs 24.2: with ``fields`` given a new first parameter, ``@attr.s``
classes in ``attr.validators`` reach it through a test's ``field_transformer`` hook, and
``import attr`` works as before).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

BUILD = """
    def fields(cls):
        return list(vars(cls))
    """

MAKE = """
    def define(cls, transformer=None):
        if transformer is not None:
            transformer(cls)
        return cls
    """

FILES = {
    "pkg/__init__.py": "",
    "pkg/build.py": BUILD,
    "pkg/make.py": MAKE,
    # builds a class at import time with no transformer
    "pkg/models.py": """
        from pkg.make import define

        @define
        class Point:
            x = 0
        """,
    # imports ``models``: broken only if ``models`` is
    "pkg/api.py": """
        from pkg.models import Point

        def origin():
            return Point()
        """,
    # passes a transformer of its own module at import time: that one runs
    "pkg/own.py": """
        from pkg.build import fields
        from pkg.make import define

        def check(cls):
            return fields(cls)

        @define
        class Plain:
            pass

        Checked = define(type("Checked", (), {}), transformer=check)
        """,
    # a transformer in a module it imports: it exists while this module is imported
    "pkg/hooks.py": """
        from pkg.build import fields

        def validate(cls):
            return fields(cls)
        """,
    "pkg/uses_hooks.py": """
        from pkg.hooks import validate
        from pkg.make import define

        Valid = define(type("Valid", (), {}), transformer=validate)
        """,
    "tests/__init__.py": "",
    "tests/test_hooks.py": """
        from pkg.build import fields
        from pkg.make import define

        def hook(cls):
            return fields(cls)

        def test_hook():
            define(type("C", (), {}), transformer=hook)
        """,
}


def _report(tmp_path: Path) -> dict[str, Any]:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    commit(root, {"pkg/build.py": "def fields(extra, cls):\n    return list(vars(cls))\n"},
           message="head", tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_a_chain_through_a_value_of_a_module_not_imported_does_not_break_the_import(
    tmp_path: Path,
) -> None:
    affected = {a["module"]: a for a in _report(tmp_path)["affected"]}
    # the test's hook calls ``fields`` the old way: the test module breaks
    assert affected["tests.test_hooks"]["breaking"]
    # ``models`` is reached through ``define``'s transformer (the test's hook), which does not
    # exist while ``models`` is imported: affected, not broken; nor is ``api``, its importer
    assert not affected["pkg.models"]["breaking"]
    assert "pkg.api" in affected
    assert not affected["pkg.api"]["breaking"]


def test_a_chain_through_a_value_its_import_runs_breaks_the_import(tmp_path: Path) -> None:
    affected = {a["module"]: a for a in _report(tmp_path)["affected"]}
    # its own ``check`` runs while it is imported
    assert affected["pkg.own"]["breaking"]
    # ``hooks`` is imported first, so ``validate`` exists when ``define`` calls it
    assert affected["pkg.uses_hooks"]["breaking"]
    assert affected["pkg.hooks"]["breaking"]  # its own call of ``fields``


def test_a_break_only_the_main_block_makes_does_not_break_importers(tmp_path: Path) -> None:
    # packaging 24.1's ``_musllinux`` ends with a demo calling ``platform_tags``: given a new
    # parameter, ``python -m packaging._musllinux`` fails, ``import packaging._musllinux``
    # does not, and neither does any module importing it
    root = init_repo(tmp_path / "repo")
    commit(root, {
        "lib.py": "def tags(archs):\n    return [archs]\n",
        "demo.py": """
            from lib import tags

            def helper():
                return 1

            if __name__ == "__main__":
                print(tags("x86_64"))
            """,
        "user.py": """
            import demo

            def use():
                return demo.helper()
            """,
        "eager.py": """
            from lib import tags

            TAGS = tags("x86_64")
            """,
        "eager_user.py": """
            import eager

            def use():
                return eager.TAGS
            """,
    }, message="base", tag="base")
    commit(root, {"lib.py": "def tags(extra, archs):\n    return [archs]\n"},
           message="head", tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    affected = {a["module"]: a for a in json.loads(result.stdout)["affected"]}
    assert affected["demo"]["breaking"]  # its own code breaks, when it runs as a program
    assert "user" not in affected
    assert affected["eager"]["breaking"]
    assert affected["eager_user"]["breaking"]  # ``import eager`` fails
