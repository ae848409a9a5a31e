"""``impactgraph tests`` when a method of ours is found at run time, not by a name written in
the code: a metaclass walks ``inspect.getmembers(cls)`` for the methods named ``_func_*`` and
keeps them in a table, and a call of ours runs what it looks up there. (jmespath 1.0.1:
``Functions.call_function`` does ``function = spec["function"]; function(self, *args)``; a
parameter removed from ``_func_starts_with``, which nothing in the graph calls, selected no
test.) Checked against pytest: with ``_func_starts_with`` given a required parameter only
``test_calls.py::test_starts_with`` fails; with it removed, ``test_table.py`` fails too (the
table's names); with ``shout`` given one only ``test_text.py::test_shout`` does. (A package
that lists no members, by ``inspect.getmembers``, ``dir`` or ``vars``, cannot find a function
nothing names: see test_tests_gave_up_cli.py, an unresolved ``callback()`` left alone.)"""

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
    "src/pkg/functions.py": """
        import inspect


        def signature(*arguments):
            def record(func):
                func.signature = arguments
                return func
            return record


        def get_methods(cls):
            for name, method in inspect.getmembers(cls, predicate=inspect.isfunction):
                yield name, method


        class FunctionRegistry(type):
            def __init__(cls, name, bases, attrs):
                cls._populate_function_table()
                super().__init__(name, bases, attrs)

            def _populate_function_table(cls):
                table = {}
                for name, method in get_methods(cls):
                    if name.startswith("_func_") and getattr(method, "signature", None):
                        table[name[6:]] = {"function": method, "signature": method.signature}
                cls.FUNCTION_TABLE = table


        class Functions(metaclass=FunctionRegistry):
            FUNCTION_TABLE = {}

            def call_function(self, name, args):
                spec = self.FUNCTION_TABLE[name]
                function = spec["function"]
                return function(self, *args)

            @signature("string", "string")
            def _func_starts_with(self, search, prefix):
                return search.startswith(prefix)

            @signature("string")
            def _func_upper(self, text):
                return text.upper()
    """,
    "src/pkg/interpreter.py": """
        from pkg.functions import Functions


        class Interpreter:
            def __init__(self):
                self._functions = Functions()

            def call(self, name, *args):
                return self._functions.call_function(name, args)
    """,
    "src/pkg/text.py": """
        def shout(text):
            return text.upper() + "!"
    """,
    "tests/test_calls.py": """
        from pkg.interpreter import Interpreter


        def test_starts_with():
            assert Interpreter().call("starts_with", "abc", "a")
    """,
    "tests/test_table.py": """
        from pkg.functions import Functions


        def test_table_names():
            assert sorted(Functions.FUNCTION_TABLE) == ["starts_with", "upper"]
    """,
    "tests/test_text.py": """
        from pkg.text import shout


        def test_shout():
            assert shout("a") == "A!"
    """,
}


def test_a_change_to_a_method_found_at_run_time_selects_the_tests_reaching_the_lost_call(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    functions = BASE["src/pkg/functions.py"].replace(
        "def _func_starts_with(self, search, prefix):",
        "def _func_starts_with(self, search, prefix, strict):")
    commit(root, {"src/pkg/functions.py": functions})
    # before: nothing was selected (nothing in the graph calls _func_starts_with, and the
    # call in call_function, of what the table holds, is unresolved); test_table.py reads the
    # table's names only, and test_text.py never imports pkg.functions
    assert selected_tests(root) == ["tests/test_calls.py"]


def test_a_change_to_a_function_called_by_name_leaves_the_lost_call_alone(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    text = BASE["src/pkg/text.py"].replace("def shout(text):", "def shout(text, mark):")
    commit(root, {"src/pkg/text.py": text})
    assert selected_tests(root) == ["tests/test_text.py"]


def test_a_method_found_at_run_time_removed_selects_the_importers_of_its_module(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    functions = BASE["src/pkg/functions.py"].replace(
        """
            @signature("string", "string")
            def _func_starts_with(self, search, prefix):
                return search.startswith(prefix)
""", "")
    assert functions != BASE["src/pkg/functions.py"]
    commit(root, {"src/pkg/functions.py": functions})
    # before: nothing was selected; test_calls.py looks up "starts_with" in the table, and
    # test_table.py reads the names the metaclass kept as pkg.functions was imported
    assert selected_tests(root) == ["tests/test_calls.py", "tests/test_table.py"]
