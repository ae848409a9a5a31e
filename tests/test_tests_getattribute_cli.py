"""``impactgraph tests`` on dispatch through ``object.__getattribute__(self, name)``
(mistune's renderers: ``render_token`` looks up the method named by the token's type, and a
subclass defines ``text``, ``emphasis``, ...). It is ``getattr`` spelled out: a renamed or
changed method of a subclass is reached by every test that renders through the base."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

BASE = {
    "src/marks/core.py": """
        class Renderer:
            def method(self, name):
                try:
                    return object.__getattribute__(self, name)
                except AttributeError:
                    return type.__getattribute__(type(self), "fallback_" + name)

            def render(self, tokens):
                return "".join(self.method(t["type"])(t) for t in tokens)
    """,
    "src/marks/rst.py": """
        from marks.core import Renderer


        class RSTRenderer(Renderer):
            def text(self, token):
                return token["raw"]
    """,
    "src/marks/other.py": """
        def unrelated():
            return 1
    """,
    "tests/test_rst.py": """
        from marks.rst import RSTRenderer


        def test_text():
            assert RSTRenderer().render([{"type": "text", "raw": "a"}]) == "a"
    """,
    "tests/test_other.py": """
        from marks.other import unrelated


        def test_unrelated():
            assert unrelated() == 1
    """,
}
RST = BASE["src/marks/rst.py"]


def test_a_renamed_method_reached_through_object_getattribute_selects_the_renderers_tests(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/marks/rst.py": RST.replace("def text(", "def text_renamed(")})
    reasons = selected_reasons(root)
    assert list(reasons) == ["tests/test_rst.py"]
    assert any("unbounded dynamic call in marks.core:Renderer.render" in r
               for r in reasons["tests/test_rst.py"])


def test_a_changed_method_reached_through_object_getattribute_selects_the_renderers_tests(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/marks/rst.py": RST.replace("def text(self, token)",
                                                  "def text(self, token, state)")})
    assert list(selected_reasons(root)) == ["tests/test_rst.py"]

