"""``impactgraph tests`` when a value is given by ``typing.cast``. (marko 2.1.2:
``self.renderer = cast(Renderer, type("_Renderer", bases, {})())``; the value ``cast`` gives was
unknown, so ``with self.renderer as r: r.render(...)`` reached nothing, and
``XMLRenderer.__enter__`` made to raise failed tests/test_basic.py, not selected.) Checked
against pytest: the change below fails test_loud.py, not test_render.py."""

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
    "src/pkg/render.py": """
        from typing import cast


        class Renderer:
            def __enter__(self):
                return self

            def __exit__(self, *args):
                return None

            def render(self, text):
                return text


        class LoudRenderer(Renderer):
            def __enter__(self):
                self.loud = True
                return self


        class Converter:
            def __init__(self, renderer=Renderer, mixins=()):
                self.renderer = cast(Renderer, type("_Renderer", (*mixins, renderer), {})())

            def convert(self, text):
                with self.renderer as r:
                    return r.render(text)
    """,
    "tests/test_loud.py": """
        from pkg.render import Converter, LoudRenderer


        def test_loud():
            assert Converter(LoudRenderer).convert("a") == "a"
    """,
    "tests/test_render.py": """
        from pkg.render import Renderer


        def test_render():
            assert Renderer().render("a") == "a"
    """,
}


def _changed(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_to_what_a_cast_value_runs_selects_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/render.py", "self.loud = True",
                        "raise RuntimeError('loud')")
    # before: nothing (the value of cast(...) was not known: ``with self.renderer`` and
    # ``r.render`` were unresolved calls); test_render.py enters no renderer
    assert selected == ["tests/test_loud.py"]
