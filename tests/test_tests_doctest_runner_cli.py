"""``impactgraph tests`` on a test that runs doctests: portion 2.5.0's test_doc.py runs the
examples of README.md with ``doctest.testfile('../README.md', globs={'P': portion})``. That code
is out of the analysis' sight (a text file, run by outside code) and may call anything of the
package the test hands over, as a test that starts a Python program may."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "README.md": """
        >>> import spans
        >>> spans.parse("1-2").width()
        1
    """,
    "spans/__init__.py": """
        from spans.io import parse
    """,
    "spans/io.py": """
        from spans.span import Span


        def parse(text):
            low, high = text.split("-")
            return Span(int(low), int(high))
    """,
    "spans/span.py": """
        class Span:
            def __init__(self, low, high):
                self.low, self.high = low, high

            def width(self):
                return self.high - self.low
    """,
    "tests/test_doc.py": """
        import doctest

        import spans as S


        def test_readme():
            doctest.testfile("../README.md", raise_on_error=True, globs={"S": S})
    """,
    "tests/test_span.py": """
        from spans.span import Span


        def test_span():
            assert Span(1, 3).low == 1
    """,
}


@pytest.mark.parametrize("runner", ['doctest.testfile("../README.md", raise_on_error=True, '
                                    'globs={"S": S})', "doctest.testmod(S.io)"])
def test_a_test_running_doctests_is_kept_for_a_change_in_the_package_it_imports(
    tmp_path: Path, runner: str
) -> None:
    test = BASE["tests/test_doc.py"].replace(
        'doctest.testfile("../README.md", raise_on_error=True, globs={"S": S})', runner)
    root = init_repo(tmp_path / "repo")
    commit(root, {**BASE, "tests/test_doc.py": test}, message="base", tag="base")
    source = BASE["spans/io.py"]
    commit(root, {"spans/io.py": source.replace("def parse(text)", "def parse(text, sep)")})
    assert selected_tests(root) == ["tests/test_doc.py"]


def test_doctests_added_by_unittest_load_tests_do_not_run_under_pytest(tmp_path: Path) -> None:
    """more-itertools' test modules add the doctests in ``load_tests(loader, tests, ignore)``,
    a unittest protocol: pytest never calls it."""
    test = """
        from doctest import DocTestSuite

        import spans


        def load_tests(loader, tests, ignore):
            tests.addTests(DocTestSuite("spans.io"))
            return tests


        def test_import():
            assert spans
    """
    root = init_repo(tmp_path / "repo")
    commit(root, {**BASE, "tests/test_doc.py": test}, message="base", tag="base")
    source = BASE["spans/io.py"]
    commit(root, {"spans/io.py": source.replace("def parse(text)", "def parse(text, sep)")})
    assert selected_tests(root) == []
