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


# reg 1.0.0: ``arginfo`` is decorated by ``_coerce_to_arginfo``, which returns
# ``cast("ArgInfo", f)`` (a Protocol, for type checkers); the module then stores
# ``arginfo.is_cached = is_cached``. The value of ``cast`` was only an instance of the
# Protocol, so ``arginfo.is_cached(foo)`` reached its annotation and ``arginfo(foo)`` the
# Protocol's ``__call__``: a parameter added to ``is_cached`` failed tests/test_arginfo.py,
# not selected. Checked against pytest: the change fails test_info.py, not test_plain.py.
CAST_FUNCTION = {
    "pyproject.toml": BASE["pyproject.toml"],
    "src/pkg/__init__.py": "",
    "src/pkg/types.py": """
        from typing import Any, Callable, Protocol


        class Info(Protocol):
            is_cached: Callable[[Any], bool]

            def __call__(self, value: Any) -> int: ...
    """,
    "src/pkg/info.py": """
        from __future__ import annotations

        from typing import TYPE_CHECKING, Any, cast

        if TYPE_CHECKING:
            from .types import Info


        def _coerce(f: Any) -> Info:
            return cast("Info", f)


        @_coerce
        def info(value: Any) -> int:
            info.cache[value] = 1
            return 1


        def is_cached(value: Any) -> bool:
            return value in info.cache


        def plain() -> int:
            return 0


        info.cache = {}
        info.is_cached = is_cached
    """,
    "tests/test_info.py": """
        from pkg.info import info


        def test_cached():
            assert not info.is_cached(1)
            info(1)
            assert info.is_cached(1)
    """,
    "tests/test_plain.py": """
        from pkg.info import plain


        def test_plain():
            assert plain() == 0
    """,
}


def test_a_function_cast_to_a_protocol_keeps_its_calls_and_attributes(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, CAST_FUNCTION, message="base", tag="base")
    path, old = "src/pkg/info.py", "def is_cached(value: Any)"
    assert CAST_FUNCTION[path].count(old) == 1
    commit(root, {path: CAST_FUNCTION[path].replace(old, "def is_cached(value: Any, extra)")})
    assert selected_tests(root) == ["tests/test_info.py"]
    commit(root, {path: CAST_FUNCTION[path].replace("info.cache[value] = 1", "pass")})
    assert selected_tests(root) == ["tests/test_info.py"]
