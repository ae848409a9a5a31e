"""``impactgraph tests`` on a removed private helper that the module's own top-level code still
calls (structlog's ``_make_filtering_bound_logger``, called at import to build the level
classes): the removal is not breaking for outside users, but the module now fails on import,
and so does every module importing it, conftest.py included: every test file fails."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/logs/__init__.py": """
        from logs._native import make_logger
    """,
    "src/logs/_native.py": """
        def _make_class(level):
            class Logger:
                min_level = level
            return Logger


        def make_logger(level):
            return LEVELS[level]()


        LEVELS = {n: _make_class(n) for n in range(3)}
    """,
    "src/logs/util.py": """
        def upper(text):
            return text.upper()
    """,
    "tests/conftest.py": """
        import logs
    """,
    "tests/test_native.py": """
        from logs import make_logger


        def test_level():
            assert make_logger(1).min_level == 1
    """,
    "tests/test_util.py": """
        from logs.util import upper


        def test_upper():
            assert upper("a") == "A"
    """,
}


def test_a_removed_helper_still_called_at_import_selects_every_importer(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/logs/_native.py"]
    start = source.index("        def _make_class")
    end = source.index("        def make_logger")
    commit(root, {"src/logs/_native.py": source[:start] + source[end:]})
    assert selected_tests(root) == ["tests/test_native.py", "tests/test_util.py"]
