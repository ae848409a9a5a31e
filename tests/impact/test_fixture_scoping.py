"""Which test files request a conftest's fixtures, by pytest's lookup from each test: a test
module's own override of a name hides the conftest's for that module only, an override that
asks for its own name gets the next one out, a farther fixture asks for names from the test's
place, classes and autouse fixtures count (jinja2 3.1.4: ``tests/test_bytecode_cache.py``'s
``env(package_loader, tmp_path)`` made every ``env`` of ``tests/`` want ``package_loader``)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.impact.conftest_scope import ConftestScope

CONFTEST = """
    import pytest


    @pytest.fixture
    def env():
        return "plain"


    @pytest.fixture
    def package_loader():
        return "loader"
"""

TREE = {
    "tests/conftest.py": CONFTEST,
    "tests/test_bytecode_cache.py": """
        import pytest


        @pytest.fixture
        def env(package_loader, tmp_path):
            return package_loader


        def test_cache(env):
            assert env
    """,
    "tests/test_api.py": """
        def test_api(env):
            assert env
    """,
    "tests/test_loader.py": """
        def test_loader(package_loader):
            assert package_loader
    """,
    "tests/test_wrapped.py": """
        import pytest


        @pytest.fixture
        def env(env):
            return env


        def test_wrapped(env):
            assert env
    """,
    "tests/test_methods.py": """
        import pytest


        class TestLoaded:
            @pytest.fixture
            def env(self, package_loader):
                return package_loader

            def test_method(self, env):
                assert env


        class TestPlain:
            def test_method(self, env):
                assert env
    """,
    "tests/test_plain_class.py": """
        class TestPlain:
            def test_method(self, env):
                assert env
    """,
}


def _requesters(files: dict[str, str], names: set[str], path: str = "tests/conftest.py"
                ) -> dict[str, set[str]] | None:
    graph = graph_of(files)
    scope = ConftestScope([graph, graph])
    tests = sorted(p for p in files if p.rsplit("/", 1)[-1].startswith("test_"))
    folder = path.rsplit("/", 1)[0]
    return scope.requesters(path, folder, names, tests)


def test_a_module_override_does_not_make_other_modules_want_what_it_asks_for() -> None:
    found = _requesters(TREE, {"package_loader"})
    assert found is not None
    assert sorted(found) == ["tests/test_bytecode_cache.py", "tests/test_loader.py",
                             "tests/test_methods.py"]
    assert "env" in found["tests/test_bytecode_cache.py"]


def test_the_conftest_fixture_itself_selects_every_module_it_reaches() -> None:
    found = _requesters(TREE, {"env"})
    assert found is not None
    # test_bytecode_cache overrides ``env`` without asking for it; test_wrapped's override
    # asks for its own name, so the conftest's runs under it; TestLoaded's override hides it,
    # TestPlain of the same module does not
    assert sorted(found) == ["tests/test_api.py", "tests/test_methods.py",
                             "tests/test_plain_class.py", "tests/test_wrapped.py"]


def test_a_self_requesting_override_reaches_what_the_next_one_asks_for() -> None:
    tree = {**TREE, "tests/conftest.py": CONFTEST.replace(
        'def env():\n        return "plain"',
        'def env(package_loader):\n        return package_loader')}
    found = _requesters(tree, {"package_loader"})
    assert found is not None
    assert "tests/test_wrapped.py" in found and "tests/test_api.py" in found
    assert "tests/test_plain_class.py" in found


NESTED = {
    "tests/conftest.py": """
        import pytest


        @pytest.fixture
        def app():
            return 1


        @pytest.fixture
        def client(app):
            return app
    """,
    "tests/test_top.py": """
        def test_top(client):
            assert client
    """,
    "tests/sub/conftest.py": """
        import pytest


        @pytest.fixture
        def app():
            return 2
    """,
    "tests/sub/test_sub.py": """
        def test_sub(client):
            assert client
    """,
    "tests/auto/conftest.py": """
        import pytest


        @pytest.fixture(autouse=True)
        def setup(client):
            return client
    """,
    "tests/auto/test_auto.py": """
        def test_auto():
            assert True
    """,
}


def test_a_farther_fixture_asks_for_names_from_the_test() -> None:
    # ``client`` of tests/conftest.py gets tests/sub's ``app`` for test_sub
    assert sorted(_requesters(NESTED, {"app"}) or {}) == [
        "tests/auto/test_auto.py", "tests/test_top.py"]
    assert sorted(_requesters(NESTED, {"app"}, "tests/sub/conftest.py") or {}) == [
        "tests/sub/test_sub.py"]


def test_an_autouse_fixture_in_scope_requests_for_every_test() -> None:
    found = _requesters(NESTED, {"client"})
    assert found is not None
    assert found["tests/auto/test_auto.py"] == {"setup"}


def test_a_gone_fixture_selects_who_asked_for_it() -> None:
    found = _requesters(NESTED, {"gone"}, "tests/sub/conftest.py")
    assert found == {}
    tree = {**NESTED, "tests/sub/test_gone.py": "def test_gone(gone):\n    assert gone\n"}
    assert sorted(_requesters(tree, {"gone"}, "tests/sub/conftest.py") or {}) == [
        "tests/sub/test_gone.py"]


INHERITED = {
    "tests/conftest.py": CONFTEST,
    "tests/base.py": """
        import pytest


        class Loaded:
            @pytest.fixture
            def env(self, package_loader):
                return package_loader
    """,
    "tests/test_derived.py": """
        from base import Loaded


        class TestDerived(Loaded):
            def test_method(self, env):
                assert env
    """,
    "tests/test_shared.py": """
        class TestShared:
            def test_method(self, env):
                assert env
    """,
    "tests/sub/conftest.py": """
        import pytest


        @pytest.fixture
        def env(package_loader):
            return package_loader
    """,
    "tests/sub/test_reuse.py": """
        from test_shared import TestShared


        class TestReused(TestShared):
            pass
    """,
    "tests/test_plugin_user.py": """
        def test_outside(mocker):
            assert mocker
    """,
}


def test_classes_count_their_bases_fixtures_and_tests() -> None:
    found = _requesters(INHERITED, {"package_loader"})
    assert found is not None
    # TestDerived gets Loaded's ``env``; TestReused runs TestShared's test under tests/sub's
    # ``env``; test_shared itself gets the conftest's plain one
    assert "tests/test_derived.py" in found and "tests/sub/test_reuse.py" in found
    assert "tests/test_shared.py" not in found


def test_an_outside_plugins_fixture_may_ask_for_any_visible_name() -> None:
    found = _requesters(INHERITED, {"package_loader"})
    assert found is not None
    assert "tests/test_plugin_user.py" in found
