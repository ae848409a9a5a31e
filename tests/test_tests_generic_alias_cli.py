"""``impactgraph tests`` follows a class built through a generic alias (``Attr[bool]("X")``):
subscripting a class gives an alias that constructs the class itself."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

# shaped like flask 3.0.3: ``testing = ConfigAttribute[bool]("TESTING")`` on the app class, an
# ``app`` fixture in conftest.py, tests that assign ``app.testing = ...`` (the descriptor's __set__)
BASE = {
    "src/web/__init__.py": "",
    "src/web/config.py": """
        import typing as t

        T = t.TypeVar("T")


        class ConfigAttribute(t.Generic[T]):
            def __init__(self, name: str) -> None:
                self.__name__ = name

            def __set__(self, obj, value) -> None:
                obj.config[self.__name__] = value
    """,
    "src/web/app.py": """
        from web.config import ConfigAttribute


        class App:
            testing = ConfigAttribute[bool]("TESTING")

            def __init__(self):
                self.config = {}

            def route(self):
                return "/"
    """,
    "tests/conftest.py": """
        import pytest

        from web.app import App


        @pytest.fixture
        def app():
            return App()
    """,
    "tests/test_testing.py": """
        def test_testing(app):
            app.testing = True
    """,
    "tests/test_routes.py": """
        def test_route(app):
            assert app.route() == "/"
    """,
}


def test_a_descriptor_built_through_a_generic_alias_selects_the_tests_that_store_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/web/config.py"].replace(
        "obj.config[self.__name__] = value", "raise RuntimeError(value)"
    )
    commit(root, {"src/web/config.py": changed})
    assert selected_tests(root) == ["tests/test_testing.py"]
