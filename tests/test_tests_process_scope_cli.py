"""``impactgraph tests`` keeps a test file for a chain only when the chain can run in that file's
pytest process: a function runs only once its module was imported, so a chain through a module
the test file never imports (itself, its conftests, their imports, directly or not) cannot run
there, unless another way to the change stays inside what it imports.

Shaped like the namespace monorepo of ``benchmarks/namespace_monorepo.py``: ``copy.deepcopy``
in a schema package reaches every class's ``__reduce__`` (the copied object's classes are
unknown), the templates package's among them, though the schema package never imports it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_reasons
from git_support import commit, init_repo

ERRORS = "packages/templates/acme/templates/errors.py"
BASE = {
    "packages/templates/acme/templates/__init__.py": "",
    ERRORS: """
        class TemplateError(Exception):
            def __reduce__(self):
                return _rebuild(self.args)


        def _rebuild(args):
            return TemplateError, args
    """,
    "packages/templates/tests/test_errors.py": """
        import pickle

        from acme.templates.errors import TemplateError


        def test_pickle():
            assert pickle.loads(pickle.dumps(TemplateError("x"))).args == ("x",)
    """,
    "packages/schema/acme/schema/__init__.py": "",
    "packages/schema/acme/schema/core.py": """
        import copy


        class Schema:
            def __init__(self, fields):
                self.fields = copy.deepcopy(fields)
    """,
    # imports only the schema package: no class of the templates package exists in it
    "packages/schema/tests/test_schema.py": """
        from acme.schema.core import Schema


        def test_schema():
            assert Schema({"a": 1}).fields == {"a": 1}
    """,
    # imports both: the deep copy may meet a TemplateError
    "packages/schema/tests/test_both.py": """
        from acme.schema.core import Schema
        from acme.templates.errors import TemplateError


        def test_schema_of_an_error():
            assert Schema({"e": TemplateError("x")}).fields["e"].args == ("x",)
    """,
    # imports the templates package through a helper of the schema tests' conftest
    "packages/schema/tests/conftest.py": "",
    "packages/schema/tests/deep/conftest.py": """
        import acme.templates.errors
    """,
    "packages/schema/tests/deep/test_deep.py": """
        from acme.schema.core import Schema


        def test_deep():
            assert Schema([]).fields == []
    """,
}


def test_a_chain_through_a_module_the_test_never_imports_selects_nothing(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, tag="base")
    changed = (BASE[ERRORS].replace("def _rebuild(args):", "def _rebuild(args, strict):")
               .replace("_rebuild(self.args)", "_rebuild(self.args, True)"))
    commit(root, {ERRORS: changed})
    reasons = selected_reasons(root)
    assert "packages/schema/tests/test_schema.py" not in reasons
    # its process imports the templates package: itself, or through a conftest above it
    assert set(reasons) >= {"packages/schema/tests/test_both.py",
                            "packages/schema/tests/deep/test_deep.py"}
    assert any("Schema.__init__" in r for r in reasons["packages/schema/tests/test_both.py"])


def test_a_module_imported_by_a_computed_name_keeps_every_chain(tmp_path: Path) -> None:
    """``importlib.import_module(name)`` may import the templates package: what the process
    holds is unknown, nothing is left out."""
    root = init_repo(tmp_path / "repo")
    files = dict(BASE)
    files["packages/schema/acme/schema/core.py"] = """
        import copy
        import importlib


        def plugin(name):
            return importlib.import_module(name)


        class Schema:
            def __init__(self, fields):
                self.fields = copy.deepcopy(fields)
    """
    commit(root, files, tag="base")
    changed = BASE[ERRORS].replace("def _rebuild(args):", "def _rebuild(args, strict):")
    commit(root, {ERRORS: changed})
    assert "packages/schema/tests/test_schema.py" in selected_reasons(root)



@pytest.mark.parametrize("hook", [
    "def pytest_configure(config):\n    pass\n",
    "def pytest_collection_modifyitems(items):\n    TemplateError('x')\n",
])
def test_a_module_with_pytest_hooks_may_be_a_plugin_of_every_process(
    tmp_path: Path, hook: str
) -> None:
    """A ``pytest11`` entry point (or ``-p``) loads the package's own plugin in every process:
    what it imports may be there though no test file imports it."""
    root = init_repo(tmp_path / "repo")
    plugin = "from acme.templates.errors import TemplateError\n\n\n" + hook
    commit(root, BASE | {"packages/templates/acme/templates/plugin.py": plugin}, tag="base")
    changed = BASE[ERRORS].replace("def _rebuild(args):", "def _rebuild(args, strict):")
    commit(root, {ERRORS: changed})
    assert "packages/schema/tests/test_schema.py" in selected_reasons(root)
