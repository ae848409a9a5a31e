"""``impactgraph tests`` on a test that runs Python files of the repository by their path, as
modules: ``importlib.util.spec_from_file_location(name, path)`` and ``exec_module``, or
``runpy.run_path``, on files a path or a glob pattern names (Arpeggio 2.0.3's
``arpeggio/tests/test_examples.py`` runs every ``examples/*/*.py`` and calls its ``main``,
which builds a parser). The files' code runs in the test's process, though nothing imports
them, and need not have changed: a change to a library function their code calls breaks the
test. Before, only the tests importing or calling the function were selected: the benchmark's
``remove-parameter ParserPEG.__init__ (language_def)`` (held-out seed) failed
``test_examples.py`` too, which was left out. Checked against pytest: each selected file
below fails with the change, each one left out passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_reasons, selected_tests
from git_support import edited_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src", "."]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/parser.py": """
        def parse(text, strict=False):
            return text.split()


        def render(words):
            return " ".join(words)


        def count(text):
            return len(text)
    """,
    "examples/calc/run_calc.py": """
        from pkg.parser import parse


        def main(debug=False):
            return parse("1 + 2")
    """,
    "examples/show/run_show.py": """
        from pkg.parser import render


        def helper():
            return render(["a", "b"])


        def main(debug=False):
            return 1
    """,
    "scripts/setup_words.py": """
        from pkg.parser import count

        SIZE = count("abc")
    """,
    "tests/test_examples.py": """
        import glob
        import importlib.util
        import os


        def test_examples():
            folder = os.path.join(os.path.dirname(__file__), "..", "examples")
            for path in glob.glob(os.path.join(folder, "*", "*.py")):
                name = os.path.splitext(os.path.basename(path))[0]
                spec = importlib.util.spec_from_file_location(name, path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                if hasattr(module, "main"):
                    module.main(debug=False)
    """,
    "tests/test_script.py": """
        import runpy


        def test_script():
            assert runpy.run_path("scripts/setup_words.py")["SIZE"] == 3
    """,
    "tests/test_listed.py": """
        import glob
        import os


        def test_listed():
            folder = os.path.join(os.path.dirname(__file__), "..", "examples")
            assert len(glob.glob(os.path.join(folder, "*", "*.py"))) == 2
    """,
    "tests/test_parser.py": """
        from pkg.parser import parse


        def test_parse():
            assert parse("a b") == ["a", "b"]
    """,
}
SOURCE = "src/pkg/parser.py"


@pytest.mark.parametrize(("old", "new", "expected"), [
    # a function the examples' ``main`` calls: every file the pattern matches runs, and the
    # test asks each module for ``main``
    ("def parse(text, strict=False):", "def parse(strict, text):",
     ["tests/test_examples.py", "tests/test_parser.py"]),
    # a function a script's top-level code calls, the script run by its path
    ("def count(text):", "def count(text, limit):", ["tests/test_script.py"]),
    # counter-case: a function only an example's ``helper`` calls, which the test never asks
    # for; and the test that lists the examples without running them is never selected
    ("def render(words):", "def render(words, sep):", []),
])
def test_a_test_running_files_by_path_reaches_what_they_call(
        tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    root = edited_repo(tmp_path / "repo", FILES, SOURCE, old, new)
    assert selected_tests(root) == expected


def test_the_reason_names_the_pattern_and_the_runner(tmp_path: Path) -> None:
    root = edited_repo(tmp_path / "repo", FILES, SOURCE, "def parse(text, strict=False):",
                       "def parse(strict, text):")
    (reason,) = selected_reasons(root)["tests/test_examples.py"]
    assert reason.startswith("runs examples/*/*.py (")
    assert "in test_examples:test_examples" in reason
