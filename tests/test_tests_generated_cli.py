"""``impactgraph tests`` sees calls in source code the program generates and ``exec``s: a string
that reads like a call of one of our classes or functions (jinja2's compiler writes
``"Macro(environment, macro, ..."`` into the template module it runs)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/tpl/__init__.py": "",
    "src/tpl/runtime.py": """
        class Macro:
            def __init__(self, name, arguments):
                self.name = name
                self.arguments = arguments


        def unused_by_templates(value):
            return value
    """,
    "src/tpl/compiler.py": '''
        def generate(name):
            """Write the module for a template. Docstrings like ``Macro(x)`` are not code."""
            lines = ["from tpl.runtime import Macro"]
            lines.append(f"macro = Macro({name!r}, [])")
            return "\\\\n".join(lines)
    ''',
    "src/tpl/environment.py": """
        from tpl.compiler import generate


        def load(name):
            namespace = {}
            exec(generate(name), namespace)
            return namespace["macro"]
    """,
    "tests/test_load.py": """
        from tpl.environment import load


        def test_load():
            assert load("m").name == "m"
    """,
    "tests/test_runtime.py": """
        from tpl.runtime import unused_by_templates


        def test_unused():
            assert unused_by_templates(1) == 1
    """,
}


def test_a_class_called_by_generated_source_reaches_the_tests_that_run_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/tpl/runtime.py"].replace("(self, name, arguments)", "(self, name)")
    commit(root, {"src/tpl/runtime.py": changed})
    assert selected_tests(root) == ["tests/test_load.py"]


def test_without_exec_a_call_shaped_string_is_only_text(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {**BASE, "src/tpl/environment.py": """
        from tpl.compiler import generate


        def load(name):
            return generate(name)
    """}
    commit(root, files, message="base", tag="base")
    changed = BASE["src/tpl/runtime.py"].replace("(self, name, arguments)", "(self, name)")
    commit(root, {"src/tpl/runtime.py": changed})
    assert selected_tests(root) == []
