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


def test_parametrize_binds_values_but_indirect_parametrize_goes_to_the_fixture() -> None:
    graph = graph_of({
        "app.py": APP + "\nclass Fake(Client):\n    def get(self):\n        return 2\n",
        "tests/test_web.py": """
            import pytest
            from app import Client, Fake

            @pytest.fixture
            def client(request):
                return request.param()

            @pytest.mark.parametrize("kind", [Fake])
            def test_direct(kind):
                assert kind().get()

            @pytest.mark.parametrize("client", [Client], indirect=True)
            def test_indirect(client):
                assert client is not None
        """,
    })
    assert calls(graph, "test_web:test_direct") == {"app:Fake", "app:Fake.get"}
    assert calls(graph, "test_web:test_indirect") == {"test_web:client"}


def test_usefixtures_on_a_class_and_in_pytestmark_reach_its_tests() -> None:
    graph = graph_of({
        "tests/conftest.py": """
            import pytest

            @pytest.fixture
            def db():
                return None

            @pytest.fixture
            def cache():
                return None
        """,
        "tests/test_web.py": """
            import pytest

            pytestmark = pytest.mark.usefixtures("cache")

            @pytest.mark.usefixtures("db")
            class TestA:
                def test_one(self):
                    pass

            class TestB:
                pytestmark = [pytest.mark.usefixtures("db")]

                def test_two(self):
                    pass
        """,
    })
    assert calls(graph, "test_web:TestA.test_one") == {"conftest:db", "conftest:cache"}
    assert calls(graph, "test_web:TestB.test_two") == {"conftest:db", "conftest:cache"}


def test_pytest_plugins_names_a_helper_module_by_its_path_from_the_root() -> None:
    graph = graph_of({
        "app.py": APP,
        "tests/helpers/__init__.py": "",
        "tests/helpers/web.py": """
            import pytest
            from app import Client

            @pytest.fixture
            def client():
                return Client()
        """,
        "tests/conftest.py": 'pytest_plugins = "tests.helpers.web"\n',
        "tests/test_web.py": "def test_get(client):\n    assert client.get()\n",
    })
    plugin = next(n for n in graph.nodes() if n.endswith("web:client"))
    assert calls(graph, "test_web:test_get") == {"app:Client.get", plugin}
