"""``impactgraph tests`` on a function defined twice under one name, the second decorated
through the first's object. (marko 2.1.2: ``@render_dispatch(HTMLRenderer) def render_url`` then
``@render_url.dispatch(MarkdownRenderer) def render_url``, a descriptor that keeps both functions;
the first was overwritten in the summary, so ``render_url`` of the first losing its parameter was
no change at all.) Checked against pytest: the first change fails test_show.py alone; the
second, to a first definition that a plain second one replaces, fails nothing."""

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
    "src/pkg/dispatch.py": """
        class Dispatcher:
            def __init__(self, func):
                self.funcs = {"html": func}

            def dispatch(self, kind):
                def decorator(func):
                    self.funcs[kind] = func
                    return self
                return decorator

            def __call__(self, kind, value):
                return self.funcs[kind](value)


        @Dispatcher
        def show(value):
            return f"<b>{value}</b>"


        @show.dispatch("text")
        def show(item):
            return str(item)


        def plain(value):
            return str(value)
    """,
    "tests/test_show.py": """
        from pkg.dispatch import show


        def test_html():
            assert show("html", 1) == "<b>1</b>"
    """,
    "tests/test_plain.py": """
        from pkg.dispatch import plain


        def test_plain():
            assert plain(1) == "1"
    """,
}


def _changed(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_to_the_first_of_two_definitions_kept_by_the_second_selects_its_callers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/dispatch.py", "def show(value):",
                        "def show(value, strict):")
    # before: nothing (no change: the second ``show`` replaced the first in the summary)
    assert selected == ["tests/test_show.py"]


def test_a_second_definition_not_decorated_through_the_first_replaces_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    files = dict(BASE)
    files["src/pkg/dispatch.py"] = BASE["src/pkg/dispatch.py"] + """
        def plain(obj):
            return repr(obj)
    """
    commit(root, files, message="base", tag="base")
    # the first ``plain`` is dead code once the second is defined: changing it changes nothing
    changed = files["src/pkg/dispatch.py"].replace("def plain(value):",
                                                   "def plain(value, strict):")
    assert changed != files["src/pkg/dispatch.py"]
    commit(root, {"src/pkg/dispatch.py": changed})
    assert selected_tests(root) == []
