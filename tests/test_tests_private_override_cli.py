"""``impactgraph tests`` on a private method that overrides one of an outside base class
(tabulate's ``_CustomTextWrap(textwrap.TextWrapper)`` overrides ``_handle_long_word`` and
``_wrap_chunks``): the base's own code calls them on ``self`` (``wrap()`` runs
``self._wrap_chunks``), so a test that only calls ``wrap()`` reaches them. A private helper the
standard-library base does not define is not run by it."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/tables/__init__.py": """
        import textwrap


        class Wrapper(textwrap.TextWrapper):
            def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
                cur_line.append(reversed_chunks.pop()[:width])

            def _wrap_chunks(self, chunks):
                return textwrap.TextWrapper._wrap_chunks(self, chunks)

            def _width_of(self, text):
                return len(text)


        def cells(text, width):
            return Wrapper(width=width).wrap(text)
    """,
    "tests/test_wrap.py": """
        from tables import Wrapper


        def test_wrap():
            assert Wrapper(width=3).wrap("abcdef") == ["abc", "def"]
    """,
    "tests/test_cells.py": """
        from tables import cells


        def test_cells():
            assert cells("ab cd", 2) == ["ab", "cd"]
    """,
    "tests/test_width.py": """
        from tables import Wrapper


        def test_width():
            assert Wrapper()._width_of("ab") == 2
    """,
}
SOURCE = BASE["src/tables/__init__.py"]


def test_a_removed_private_override_reaches_the_callers_of_the_base_method(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    start = SOURCE.index("            def _handle_long_word")
    end = SOURCE.index("            def _wrap_chunks")
    commit(root, {"src/tables/__init__.py": SOURCE[:start] + SOURCE[end:]})
    assert selected_tests(root) == ["tests/test_cells.py", "tests/test_wrap.py"]


def test_a_private_helper_the_base_lacks_is_not_run_by_it(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/tables/__init__.py": SOURCE.replace("len(text)", "len(text) + 0")})
    assert selected_tests(root) == ["tests/test_width.py"]
