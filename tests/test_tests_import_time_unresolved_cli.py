"""``impactgraph tests`` when an unresolved call runs at import time, in a module of another
package than the changed one (seen on pyparsing 3.1.4: ``examples/simpleSQL.py`` runs
``binop = oneOf("= != ...", caseless=True)`` at module level; ``oneOf`` is
``replaced_by_pep8("oneOf", one_of)``, a closure the linker does not follow, so the call is
unresolved. Removing ``one_of``'s ``caseless`` failed ``tests/test_diagram.py``, which imports
``examples.simpleSQL``, at collection; no call of any test reaches the module's own code)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

LIB = {
    "src/lib/__init__.py": """
        from lib.core import one_of
        from lib.compat import replaced

        oneOf = replaced("oneOf", one_of)
    """,
    "src/lib/compat.py": """
        from functools import wraps
        from typing import cast


        def replaced(name, fn):
            fn = getattr(fn, "__func__", fn)

            @wraps(fn)
            def _inner(*args, **kwargs):
                return fn(*args, **kwargs)

            _inner.__name__ = name
            return cast(type(fn), _inner)
    """,
    "src/lib/core.py": """
        def one_of(words, caseless=False):
            return [w.lower() if caseless else w for w in words.split()]
    """,
    "src/lib/extension.py": """
        class Extension:
            def filter(self, words):
                return words


        def run(extension: Extension):
            return extension.filter("a b")


        # import-time code that reaches every override of filter (class hierarchy analysis)
        DEFAULT = [run(cls()) for cls in Extension.__subclasses__()]
    """,
}
EXAMPLES = {
    "examples/__init__.py": "",
    "examples/grammar.py": """
        from lib import oneOf


        def build():
            return oneOf("A b", caseless=True)
    """,
    "examples/at_import.py": """
        from lib import oneOf

        binop = oneOf("= != <", caseless=True)
    """,
    "examples/plugin.py": """
        from lib import oneOf
        from lib.extension import Extension


        class Upper(Extension):
            def filter(self, words):
                return oneOf(words, caseless=True)
    """,
    "examples/through_a_function.py": """
        from examples.grammar import build

        GRAMMAR = build()
    """,
}
TESTS = {
    "tests/test_at_import.py": """
        from examples.at_import import binop


        def test_binop():
            assert binop
    """,
    "tests/test_through_a_function.py": """
        from examples.through_a_function import GRAMMAR


        def test_grammar():
            assert GRAMMAR
    """,
    "tests/test_lib.py": """
        import lib
        from lib.extension import DEFAULT


        def test_lib():
            assert lib.__name__ == "lib"
            assert DEFAULT == []
    """,
}
WITHOUT_CASELESS = {
    "src/lib/core.py": """
        def one_of(words):
            return words.split()
    """,
}


def test_an_unresolved_call_at_import_time_selects_the_tests_that_import_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {**LIB, **EXAMPLES, **TESTS}, message="base", tag="base")
    commit(root, WITHOUT_CASELESS)
    selected = set(selected_reasons(root))
    assert {"tests/test_at_import.py", "tests/test_through_a_function.py"} <= selected
    # lib.extension's import-time code reaches Upper.filter's call only by dispatch: a process
    # that never imports examples.plugin cannot run it
    assert "tests/test_lib.py" not in selected
