"""``impactgraph tests`` keeps a test module that imports a changed module and makes a call it
could not resolve only when that call may reach the change: an unresolved ``x.name(...)``
runs a function called ``name``, unless its arguments hand our objects to whatever it is, or
``name`` is an attribute that may hold another function."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": "",
    "src/pkg/engine.py": """
        class Engine:
            def __init__(self):
                self.handler = None

            def run(self):
                return 1

            def stop(self):
                return 0
    """,
    "tests/test_run.py": """
        from pkg.engine import Engine


        def drive(engine):
            return engine.run()


        def test_engine():
            assert Engine() is not None
    """,
    "tests/test_stop.py": """
        from pkg.engine import Engine


        def halt(engine):
            return engine.stop()


        def test_engine():
            assert Engine() is not None
    """,
    "tests/test_handed.py": """
        from pkg.engine import Engine


        def start(loop):
            return loop.schedule(Engine())


        def test_engine():
            assert Engine() is not None
    """,
    "tests/test_holder.py": """
        from pkg.engine import Engine


        def fire(engine):
            return engine.handler()


        def test_engine():
            assert Engine() is not None
    """,
}


def test_an_unresolved_call_by_another_name_does_not_keep_its_module(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/engine.py"].replace("return 1", "return 5")
    commit(root, {"src/pkg/engine.py": changed})
    assert selected_tests(root) == [
        "tests/test_handed.py", "tests/test_holder.py", "tests/test_run.py"
    ]


def test_an_unresolved_call_by_the_changed_name_keeps_its_module(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/engine.py"].replace("return 0", "return 6")
    commit(root, {"src/pkg/engine.py": changed})
    assert selected_tests(root) == [
        "tests/test_handed.py", "tests/test_holder.py", "tests/test_stop.py"
    ]
