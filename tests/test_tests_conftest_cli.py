"""``impactgraph tests`` and ``conftest.py``: a conftest whose affected (or changed) code is
only ordinary fixtures selects the test files that request them, by name, directly or through
other fixtures (a nearer conftest's override included); module code, hooks, helpers, autouse
fixtures and a ``getfixturevalue`` with a computed name still select the whole folder."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons, selected_tests
from git_support import commit, init_repo

BASE = {
    "src/web/__init__.py": "",
    "src/web/app.py": """
        class App:
            def __init__(self, name):
                self.name = name

            def handle(self, path):
                return self.name + path


        class Store:
            def __init__(self):
                self.data = {}

            def get(self, key):
                return self.data.get(key, key)
    """,
    "tests/conftest.py": """
        import pytest

        from web.app import App, Store


        @pytest.fixture
        def app():
            return App("test")


        @pytest.fixture
        def store():
            return Store()


        @pytest.fixture
        def client(app):
            return app
    """,
    "tests/test_app.py": """
        def test_handle(app):
            assert app.handle("/")
    """,
    "tests/test_store.py": """
        def test_get(store):
            assert store.get("k") == "k"
    """,
    "tests/test_plain.py": """
        def test_nothing():
            assert True
    """,
    "tests/api/conftest.py": """
        import pytest


        @pytest.fixture
        def api(client):
            return client
    """,
    "tests/api/test_api.py": """
        import pytest


        @pytest.mark.usefixtures("store")
        def test_api(api):
            assert api
    """,
}


def _repo(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, {**BASE, **(files or {})}, tag="base")
    return root


def test_a_changed_fixture_selects_the_tests_requesting_it(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    conftest = (root / "tests/conftest.py").read_text()
    commit(root, {"tests/conftest.py": conftest.replace('App("test")', 'App("other")')})
    # app -> client -> api (another conftest) -> test_api; store is not touched
    assert selected_tests(root) == ["tests/api/test_api.py", "tests/test_app.py"]


def test_code_a_fixture_reaches_selects_its_requesters_only(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    source = (root / "src/web/app.py").read_text()
    commit(root, {"src/web/app.py": source.replace("self.data = {}", "self.data = {1: 2}")})
    # Store.__init__: the ``store`` fixture calls it; test_store asks for ``store``, test_api
    # with usefixtures; test_app and test_plain do not
    assert selected_tests(root) == ["tests/api/test_api.py", "tests/test_store.py"]
    reasons = selected_reasons(root)
    assert any(r.startswith("requests fixture store of tests/conftest.py is affected")
               for r in reasons["tests/api/test_api.py"])


def test_a_nearer_override_is_requested_through_a_farther_fixture(tmp_path: Path) -> None:
    root = _repo(tmp_path, {"tests/api/conftest.py": """
        import pytest


        @pytest.fixture
        def app():
            return 1


        @pytest.fixture
        def api(client):
            return client
    """})
    conftest = (root / "tests/api/conftest.py").read_text()
    commit(root, {"tests/api/conftest.py": conftest.replace("return 1", "return 2")})
    # ``client`` (tests/conftest.py) gets the ``app`` of tests/api/ for test_api
    assert selected_tests(root) == ["tests/api/test_api.py"]


def test_a_changed_hook_or_module_code_selects_the_folder(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    conftest = (root / "tests/conftest.py").read_text()
    commit(root, {"tests/conftest.py": conftest + "\n\ndef pytest_configure(config):\n"
                                                  "    config.addinivalue_line('markers', 'x')\n"})
    everything = ["tests/api/test_api.py", "tests/test_app.py", "tests/test_plain.py",
                  "tests/test_store.py"]
    assert selected_tests(root) == everything
    commit(root, {"tests/conftest.py": conftest}, tag="plain")
    imports_os = conftest.replace("import pytest", "import os\nimport pytest")
    commit(root, {"tests/conftest.py": imports_os})
    assert selected_tests(root, "plain") == everything


def test_an_autouse_fixture_selects_the_folder(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    conftest = (root / "tests/conftest.py").read_text()
    commit(root, {"tests/conftest.py": conftest.replace(
        "@pytest.fixture\ndef store", "@pytest.fixture(autouse=True)\ndef store")}, tag="auto")
    source = (root / "src/web/app.py").read_text()
    commit(root, {"src/web/app.py": source.replace("self.data = {}", "self.data = {1: 2}")})
    assert selected_tests(root, "auto") == [
        "tests/api/test_api.py", "tests/test_app.py", "tests/test_plain.py", "tests/test_store.py"]


def test_a_computed_getfixturevalue_selects_the_folder(tmp_path: Path) -> None:
    root = _repo(tmp_path, {"tests/test_plain.py": """
        import pytest


        @pytest.mark.parametrize("name", ["app", "store"])
        def test_any(request, name):
            assert request.getfixturevalue(name)
    """})
    conftest = (root / "tests/conftest.py").read_text()
    commit(root, {"tests/conftest.py": conftest.replace('App("test")', 'App("other")')})
    assert selected_tests(root) == [
        "tests/api/test_api.py", "tests/test_app.py", "tests/test_plain.py", "tests/test_store.py"]
