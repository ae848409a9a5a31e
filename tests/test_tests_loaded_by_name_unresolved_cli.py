"""``impactgraph tests`` when a test loads a module by a name computed at run time
(``import_module("examples." + name)``) whose top-level code reaches the change only through an
unresolved call, by the name of what changed. (pyparsing 3.1.4: tests/test_examples.py imports
each example script by name, and examples/range_check.py draws a diagram as it is imported,
``date_expr.create_diagram(...)`` on an expression the linker cannot follow; a parameter added
to ``ConverterState.__getitem__`` failed test_examples.py, not selected.) Checked against
pytest: with ``render`` given a required parameter only ``test_examples.py::test_show`` fails;
with ``measure`` given one only ``test_measure.py::test_measure`` does."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src", "."]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/lib.py": """
        class Element:
            def render(self, path):
                return f"<{path}>"

            def measure(self):
                return 3
    """,
    "examples/__init__.py": "",
    # the call at import is unresolved: what ``vars(lib)[...]`` gives is unknown
    "examples/show.py": """
        from pkg import lib

        shown = vars(lib)["Element"]()
        page = shown.render("page.html")
    """,
    "examples/quiet.py": """
        from pkg import lib

        kept = vars(lib)["Element"]()


        def later():
            return kept.measure()
    """,
    "tests/test_examples.py": """
        from importlib import import_module


        def _run(name):
            return import_module("examples." + name)


        def test_show():
            assert _run("show").page == "<page.html>"


        def test_quiet():
            assert _run("quiet").kept
    """,
    "tests/test_measure.py": """
        from pkg.lib import Element


        def test_measure():
            assert Element().measure() == 3
    """,
}


def test_a_change_an_unresolved_call_at_import_reaches_selects_the_test_loading_by_name(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lib = BASE["src/pkg/lib.py"].replace("def render(self, path):",
                                         "def render(self, path, scale):")
    commit(root, {"src/pkg/lib.py": lib})
    # before: nothing was selected (only module code reached through linked calls counted as
    # affected at import, and no test imports examples.show by an import statement)
    assert selected_tests(root) == ["tests/test_examples.py"]


def test_an_unresolved_call_in_a_function_not_run_at_import_selects_no_loading_test(
    tmp_path: Path,
) -> None:
    """``examples.quiet`` calls ``.measure()`` only in a function nobody runs as it is
    imported: loading it by name does not run the change."""
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lib = BASE["src/pkg/lib.py"].replace("def measure(self):", "def measure(self, unit):")
    commit(root, {"src/pkg/lib.py": lib})
    assert selected_tests(root) == ["tests/test_measure.py"]
