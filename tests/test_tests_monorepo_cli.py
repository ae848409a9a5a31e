"""``impactgraph tests`` in a monorepo (``packages/*/src`` layouts, each package with its own
``tests`` folder) run from its root without configuration: a change in a lower package selects
the tests of the packages above it, and test helpers of the same name in two packages are each
their own package's (``from helpers import make`` in ``packages/web/tests`` is
``packages/web/tests/helpers.py``, as pytest puts a test's own folder first on ``sys.path``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

LOW = "packages/low/src/low/__init__.py"

BASE = {
    LOW: """
        def one():
            return 1


        def two():
            return 2
    """,
    "packages/web/src/web/__init__.py": """
        from low import one


        def page():
            return one()
    """,
    # the same test file and helper names in both packages
    "packages/low/tests/helpers.py": """
        from low import two


        def make():
            return two()
    """,
    "packages/low/tests/test_utils.py": """
        from helpers import make


        def test_make():
            assert make() == 2
    """,
    "packages/web/tests/helpers.py": """
        from web import page


        def make():
            return page()
    """,
    "packages/web/tests/test_utils.py": """
        from helpers import make


        def test_make():
            assert make() == 1
    """,
    "packages/web/tests/test_plain.py": """
        def test_nothing():
            assert True
    """,
}


def monorepo(tmp_path: Path, files: dict[str, str]) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, files, tag="base")
    return root


def test_a_lower_package_change_reaches_a_helper_of_the_same_name_in_another_package(
        tmp_path: Path) -> None:
    root = monorepo(tmp_path, BASE)
    commit(root, {LOW: BASE[LOW].replace("def one():", "def one(scale):")})
    assert selected_tests(root) == ["packages/web/tests/test_utils.py"]


def test_a_helper_is_not_taken_for_another_packages_helper_of_that_name(tmp_path: Path) -> None:
    root = monorepo(tmp_path, BASE)
    commit(root, {LOW: BASE[LOW].replace("return 2", "return 22")})
    assert selected_tests(root) == ["packages/low/tests/test_utils.py"]


@pytest.mark.parametrize("first", ["alpha", "zulu"])
def test_test_packages_of_the_same_name_in_two_packages(tmp_path: Path, first: str) -> None:
    """``tests/__init__.py`` in each package: ``from tests.helpers import make`` is the
    package's own, whichever package sorts first."""
    other = "zulu" if first == "alpha" else "alpha"
    files = {
        LOW: BASE[LOW],
        f"packages/{first}/src/{first}_app/__init__.py": """
            def run():
                return 0
        """,
        f"packages/{other}/src/{other}_app/__init__.py": """
            from low import one


            def run():
                return one()
        """,
    }
    for name in (first, other):
        files |= {
            f"packages/{name}/tests/__init__.py": "",
            f"packages/{name}/tests/helpers.py": f"""
                from {name}_app import run


                def make():
                    return run()
            """,
            f"packages/{name}/tests/test_app.py": """
                from tests.helpers import make


                def test_make():
                    assert make() is not None
            """,
        }
    root = monorepo(tmp_path, files)
    commit(root, {LOW: BASE[LOW].replace("def one():", "def one(scale):")})
    assert selected_tests(root) == [f"packages/{other}/tests/test_app.py"]


@pytest.mark.parametrize(("name", "text"), [
    ("pyproject.toml", '[tool.pytest.ini_options]\npython_files = ["check_*.py"]\n'),
    ("pytest.ini", "[pytest]\npython_files = check_*.py\n"),
    ("tox.ini", "[tox]\nenvlist = py3\n\n[pytest]\npython_files =\n    check_*.py\n"),
    ("setup.cfg", "[metadata]\nname = x\n\n[tool:pytest]\npython_files = check_*.py\n"),
])
def test_test_files_are_what_the_root_pytest_configuration_collects(
        tmp_path: Path, name: str, text: str) -> None:
    root = monorepo(tmp_path, {
        LOW: BASE[LOW],
        name: text,
        "packages/low/tests/check_low.py": """
            from low import one


            def test_one():
                assert one() == 1
        """,
        "packages/low/tests/test_helpers_only.py": """
            from low import one

            VALUE = one()
        """,
    })
    commit(root, {LOW: BASE[LOW].replace("def one():", "def one(scale):")})
    assert selected_tests(root) == ["packages/low/tests/check_low.py"]


TEMPLATES = {
    "packages/tmpl/src/tmpl/__init__.py": """
        from tmpl.parser import parse


        class Environment:
            def from_string(self, source):
                return parse(source)
    """,
    "packages/tmpl/src/tmpl/parser.py": """
        def parse(source, strict=True):
            return source.strip()
    """,
    # the web package gets its environment from something the analysis cannot follow (a
    # proxy of an outside library): ``app.env`` is unknown, ``from_string`` unresolved
    "packages/web/src/web/__init__.py": """
        import threading

        from tmpl import Environment

        local = threading.local()


        def render(source):
            app = local.current
            return app.env.from_string(source)


        def count(items):
            box = local.box
            return box.size(items)
    """,
    "packages/web/tests/test_render.py": """
        from web import render


        def test_render():
            assert render(" x ") == "x"
    """,
    "packages/web/tests/test_count.py": """
        from web import count


        def test_count():
            assert count([1]) == 1
    """,
}


def test_an_unresolved_call_into_a_package_it_imports_keeps_the_tests_that_reach_it(
        tmp_path: Path) -> None:
    root = monorepo(tmp_path, TEMPLATES)
    parser = "packages/tmpl/src/tmpl/parser.py"
    commit(root, {parser: TEMPLATES[parser].replace(", strict=True", "")})
    # test_count's unresolved call asks for ``size``, which nothing reaching the change is
    assert selected_tests(root) == ["packages/web/tests/test_render.py"]


REGISTRY = {
    "src/cli/__init__.py": """
        from cli.util import helper


        class Command:
            def __init__(self, callback):
                self.callback = callback

            def invoke(self):
                return self.callback()
    """,
    "src/cli/util.py": """
        def helper(value):
            return value
    """,
    # an example program: its own top-level package, registered as a callback with the
    # library, with a call the analysis cannot resolve; no test imports it
    "examples/demo/demo.py": """
        import threading

        import cli

        local = threading.local()


        def run():
            return local.box.helper(1)  # a name that reaches the change: it may be ours


        command = cli.Command(run)
    """,
    "tests/test_command.py": """
        from cli import Command


        def test_invoke():
            assert Command(lambda: 1).invoke() == 1
    """,
    "tests/test_helper.py": """
        from cli.util import helper


        def test_helper():
            assert helper(2) == 2
    """,
}


def test_code_no_test_imports_keeps_no_test_by_its_unresolved_calls(tmp_path: Path) -> None:
    """Every test that invokes a command reaches every registered callback in the graph; a
    test whose process never imports the example module cannot run its unresolved call."""
    root = monorepo(tmp_path, REGISTRY)
    util = "src/cli/util.py"
    commit(root, {util: REGISTRY[util].replace("return value", "return value or None")})
    assert selected_tests(root) == ["tests/test_helper.py"]
