"""``impactgraph tests`` on a change to the setter of a property made by a call,
``text = property(_get_text, _set_text)`` (dominate 2.9.1's ``title.text``, assigned by
``document.set_title``, itself the setter of ``title = property(get_title, set_title)``):
assigning ``obj.text = v`` runs ``_set_text(obj, v)``. Before, the call's value was its getter
alone, so an assignment reached nothing and the tests assigning the attribute (directly, or
through another such property) were left out: dominate's ``dom_tag.clear`` renamed failed
``tests/test_document.py`` (``d.title = 'baz'``) and selected only the file calling ``clear``.
Found by the benchmark's ``rename-method`` mutation. Checked against pytest: each selected file
below fails with the change, each one left out passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/tags.py": """
        class Tag:
            def __init__(self, *children):
                self.children = list(children)

            def add(self, child):
                self.children.append(child)
                return child

            def clear(self):
                self.children = []


        class Title(Tag):
            def _get_text(self):
                return "".join(self.children)

            def _set_text(self, text):
                self.clear()
                self.add(text)

            text = property(_get_text, _set_text)


        class Label(Tag):
            def _get_caption(self):
                return "".join(self.children)

            def _set_caption(self, caption):
                self.children = [caption]

            caption = property(fget=_get_caption, fset=_set_caption)
    """,
    "src/pkg/document.py": """
        from pkg.tags import Tag, Title


        class Document(Tag):
            def __init__(self, title="untitled"):
                super().__init__()
                self.title_node = self.add(Title(title))

            def get_title(self):
                return self.title_node.text

            def set_title(self, title):
                self.title_node.text = title

            title = property(get_title, set_title)
    """,
    "tests/test_title.py": """
        from pkg.tags import Title


        def test_set():
            t = Title("a")
            t.text = "b"
            assert t.children == ["b"]
    """,
    "tests/test_read.py": """
        from pkg.tags import Title


        def test_read():
            assert Title("a", "b").text == "ab"
    """,
    "tests/test_document.py": """
        from pkg.document import Document


        def test_retitle():
            d = Document()
            d.title = "new"
            assert d.title_node.children == ["new"]
    """,
    "tests/test_label.py": """
        from pkg.tags import Label


        def test_caption():
            label = Label()
            label.caption = "x"
            assert label.children == ["x"]
    """,
    "tests/test_other.py": """
        from pkg.tags import Tag


        def test_children():
            t = Tag()
            t.label = "x"
            assert t.children == []
    """,
}
SOURCE = "src/pkg/tags.py"


@pytest.mark.parametrize(("old", "new", "expected"), [
    # a method the setter calls gains a required parameter: the assignments fail, directly
    # and through the document's own setter; reading the property does not run it
    ("def clear(self):", "def clear(self, deep):",
     ["tests/test_document.py", "tests/test_title.py"]),
    # the setter's signature: ``fset(obj, value)`` no longer binds
    ("def _set_text(self, text):", "def _set_text(self):",
     ["tests/test_document.py", "tests/test_title.py"]),
    # given by keyword
    ("def _set_caption(self, caption):", "def _set_caption(self, caption, extra):",
     ["tests/test_label.py"]),
    # counter-case: a getter's change is the readers', not the writers' (the document's test
    # assigns only: its setter reads nothing)
    ('return "".join(self.children)\n\n            def _set_text',
     'return "-".join(self.children)\n\n            def _set_text',
     ["tests/test_read.py"]),
])
def test_a_property_made_by_a_call_runs_its_setter_on_assignment(
        tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    source = FILES[SOURCE]
    assert source.count(old) == 1
    commit(root, {SOURCE: source.replace(old, new)})
    assert selected_tests(root) == expected

