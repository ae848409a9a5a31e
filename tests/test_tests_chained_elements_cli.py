"""``impactgraph tests`` when classes reach their callers through ``itertools.chain``. (marko
2.1.2: ``Parser.__init__`` adds every class of ``chain((getattr(block, n) for n in
block.__all__), (getattr(inline, n) for n in inline.__all__))`` to the tables it parses with;
what ``chain`` gives was unknown, so ``FencedCode.__init__`` given a required parameter failed 4
test files, none selected.) Checked against pytest: the first change fails test_parse.py, not
test_element.py; the second fails test_flat.py alone."""

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
    "src/pkg/block.py": """
        __all__ = ["Fenced", "Quote"]


        class Element:
            priority = 1

            @classmethod
            def parse(cls, text):
                return text


        class Fenced(Element):
            def __init__(self, text):
                self.text = text


        class Quote(Element):
            def __init__(self, text):
                self.text = text
    """,
    "src/pkg/notes.py": """
        class Note:
            def __init__(self, text):
                self.text = text
    """,
    "src/pkg/parser.py": """
        import itertools

        from pkg import block
        from pkg.notes import Note


        class Parser:
            def __init__(self):
                self.elements = {}
                for el in itertools.chain((getattr(block, n) for n in block.__all__), ()):
                    self.elements[el.__name__] = el

            def parse(self, text):
                return [t(t.parse(text)) for t in self.elements.values()]


        def flat(groups):
            return [kind("x") for kind in itertools.chain.from_iterable(groups)]


        def notes():
            return flat([[Note]])
    """,
    "tests/test_parse.py": """
        from pkg.parser import Parser


        def test_parse():
            assert len(Parser().parse("a")) == 2
    """,
    "tests/test_element.py": """
        from pkg.block import Element


        def test_element():
            assert Element.parse("a") == "a"
    """,
    "tests/test_flat.py": """
        from pkg.parser import notes


        def test_notes():
            assert notes()[0].text == "x"
    """,
}


def _selected(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_to_a_class_chained_into_a_table_selects_the_tests_parsing_with_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    fenced = "class Fenced(Element):\n            def __init__(self, text"
    selected = _selected(root, "src/pkg/block.py", fenced + "):", fenced + ", strict):")
    # before: nothing (``t(...)`` on the table's classes was an unresolved call)
    assert selected == ["tests/test_parse.py"]


def test_a_change_to_a_class_chained_from_iterables_selects_the_tests_reaching_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _selected(root, "src/pkg/notes.py", "def __init__(self, text):",
                         "def __init__(self, text, strict):")
    # before: nothing; test_parse.py's parser never makes a Note
    assert selected == ["tests/test_flat.py"]
