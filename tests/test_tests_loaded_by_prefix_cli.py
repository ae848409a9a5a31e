"""``impactgraph tests`` when a plugin module is loaded by a name computed at run time under a
constant package (marko 2.1.2: ``import_module(f"marko.ext.{name}").make_extension()`` gives
elements that join the core's in the parser's tables; a call on them resolved to the core's
only, so ``Url.find`` of the gfm extension made to fail left tests/test_spec.py out). Checked
against pytest: each change below fails the test files the test asserts, and no other."""

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
    "src/pkg/core.py": """
        from importlib import import_module


        class Plain:
            def render(self, text):
                return text


        def load(name):
            return import_module(f"pkg.plugins.{name}").make_plugin()


        class Converter:
            def __init__(self, names=()):
                self.plugins = [Plain()]
                for name in names:
                    self.plugins.append(load(name))

            def convert(self, text):
                for plugin in self.plugins:
                    text = plugin.render(text)
                return text


        def plain(text):
            return Plain().render(text)
    """,
    "src/pkg/plugins/__init__.py": "",
    "src/pkg/plugins/shout.py": """
        class Shout:
            def __init__(self, mark):
                self.mark = mark

            def render(self, text):
                return text.upper() + self.mark


        def make_plugin():
            return Shout("!")
    """,
    "tests/test_shout.py": """
        from pkg.core import Converter


        def test_shout():
            assert Converter(["shout"]).convert("a") == "A!"
    """,
    "tests/test_plain.py": """
        from pkg.core import plain


        def test_plain():
            assert plain("a") == "a"
    """,
}


def _changed(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_to_a_method_of_a_loaded_plugin_selects_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/plugins/shout.py", "return text.upper() + self.mark",
                        "raise RuntimeError(text)")
    # before: nothing (``plugin.render`` resolved to Plain.render only)
    assert selected == ["tests/test_shout.py"]


def test_a_plugin_constructor_given_a_new_parameter_selects_its_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/plugins/shout.py", "def __init__(self, mark):",
                        "def __init__(self, mark, size):")
    assert selected == ["tests/test_shout.py"]


def test_a_change_to_the_core_alone_selects_its_own_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/core.py", "return Plain().render(text)\n",
                        "return Plain().render(text.strip())\n")
    assert selected == ["tests/test_plain.py"]
