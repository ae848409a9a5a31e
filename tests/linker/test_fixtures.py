"""pytest fixtures in the call graph: a parameter bound to a fixture holds its value."""

from __future__ import annotations

from helpers import graph_of

APP = """
class Client:
    def get(self):
        return 1
"""


def calls(graph, source: str) -> set[str]:
    return {target for target, kind in graph.successors(source) if kind == "calls"}


def test_fixture_from_a_plugin_module_listed_in_pytest_plugins() -> None:
    graph = graph_of({
        "app.py": APP,
        "plugins/__init__.py": "",
        "plugins/web.py": """
            import pytest
            from app import Client

            @pytest.fixture
            def client():
                yield Client()
        """,
        "tests/conftest.py": 'pytest_plugins = ["plugins.web"]\n',
        "tests/test_web.py": "def test_get(client):\n    assert client.get()\n",
    })
    assert calls(graph, "test_web:test_get") == {"app:Client.get", "plugins.web:client"}


def test_an_imported_fixture_and_builtin_fixtures_leave_nothing_unresolved() -> None:
    graph = graph_of({
        "app.py": APP,
        "helpers.py": """
            import pytest
            from app import Client

            @pytest.fixture
            def client():
                return Client()
        """,
        "tests/conftest.py": "from helpers import client\n",
        "tests/test_web.py": """
            def test_get(client, tmp_path, monkeypatch):
                monkeypatch.setenv("A", "1")
                tmp_path.mkdir()
                assert client.get()
        """,
    })
    assert calls(graph, "test_web:test_get") == {"app:Client.get", "helpers:client"}
    assert graph.unresolved_calls == 0


def test_a_nearer_fixture_overrides_a_farther_one_of_the_same_name() -> None:
    graph = graph_of({
        "app.py": APP + "\nclass Fake(Client):\n    def get(self):\n        return 2\n",
        "tests/conftest.py": """
            import pytest
            from app import Client

            @pytest.fixture
            def client():
                return Client()
        """,
        "tests/test_web.py": """
            import pytest
            from app import Fake

            @pytest.fixture
            def client():
                return Fake()

            def test_get(client):
                assert client.get()
        """,
    })
    assert calls(graph, "test_web:test_get") == {"app:Fake.get", "test_web:client"}
