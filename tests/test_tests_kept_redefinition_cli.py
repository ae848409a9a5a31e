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


REGISTRY = {
    "pyproject.toml": BASE["pyproject.toml"],
    "src/pkg/__init__.py": "",
    "src/pkg/registry.py": """
        HANDLERS = {}


        def register(key):
            def deco(fn):
                HANDLERS[key] = fn
                return fn
            return deco


        def handle(key, value):
            return HANDLERS[key](value)
    """,
    "src/pkg/handlers.py": """
        import sys

        from .registry import register


        @register(int)
        def _(value):
            return value + 1


        @register(str)
        def _(value):
            return value.upper()


        if sys.version_info >= (3, 8):
            def width(text):
                return len(text)
        else:
            def width(text):
                return len(text.encode())
    """,
    "tests/test_handlers.py": """
        import pkg.handlers
        from pkg.registry import handle


        def test_int():
            assert handle(int, 1) == 2
    """,
    "tests/test_width.py": """
        from pkg.handlers import width


        def test_width():
            assert width("ab") == 2
    """,
}


def _registry_changed(root: Path, old: str, new: str) -> list[str]:
    commit(root, REGISTRY, message="base", tag="base")
    path = "src/pkg/handlers.py"
    assert REGISTRY[path].count(old) == 1
    commit(root, {path: REGISTRY[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_to_an_earlier_registered_function_of_a_reused_name_selects_its_callers(
    tmp_path: Path,
) -> None:
    # ovld, functools.singledispatch: ``@register(...) def _`` again and again; every ``_``
    # is kept by the registry. The summary held the last one only: a change to the first
    # was no change at all, and ``tests`` selected nothing while test_int failed
    root = init_repo(tmp_path / "repo")
    assert _registry_changed(root, "return value + 1", "return value + 2") == [
        "tests/test_handlers.py"]


def test_a_signature_change_to_an_earlier_registered_function_selects_its_callers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    assert _registry_changed(root, "def _(value):\n            return value + 1",
                             "def _(value, extra):\n            return value + 1") == [
        "tests/test_handlers.py"]


def test_a_change_to_the_definition_in_the_other_branch_selects_its_callers(
    tmp_path: Path,
) -> None:
    # which ``width`` runs depends on the run: the first one, here
    root = init_repo(tmp_path / "repo")
    assert _registry_changed(root, "return len(text)", "return len(text) + 1") == [
        "tests/test_width.py"]
