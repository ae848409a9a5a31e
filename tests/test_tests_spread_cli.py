"""``impactgraph tests`` follows objects handed to outside code inside ``**options`` (flask
3.0.3's ``Environment.__init__``: ``options["loader"] = app.create_global_jinja_loader()``, then
``BaseEnvironment.__init__(self, **options)``; jinja2 later calls the loader's ``get_source``)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/web/__init__.py": "",
    "src/web/lookup.py": """
        def find(name):
            return name
    """,
    "src/web/templating.py": """
        from jinja_like import BaseEnvironment, BaseLoader  # installed, not in this repository

        from web.lookup import find


        class DispatchingLoader(BaseLoader):
            def get_source(self, environment, name):
                return find(name)


        class Environment(BaseEnvironment):
            def __init__(self, app, **options):
                if "loader" not in options:
                    options["loader"] = DispatchingLoader()
                BaseEnvironment.__init__(self, **options)


        def make(app):
            return Environment(app)
    """,
    "tests/test_templating.py": """
        from web.templating import make


        def test_make():
            assert make(None)
    """,
    "tests/test_other.py": """
        def test_nothing():
            assert True
    """,
}


def test_an_object_handed_over_in_unpacked_keywords_may_be_called_back(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/web/lookup.py"].replace("def find(name)", "def find(name, strict)")
    commit(root, {"src/web/lookup.py": changed})
    assert selected_tests(root) == ["tests/test_templating.py"]
