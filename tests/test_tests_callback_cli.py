"""``impactgraph tests`` selects the tests that reach our code only through outside code calling
back what it was handed: the app object given to a client class that subclasses an outside class
(the ``FlaskClient(werkzeug.Client)`` shape, with ``threading.Thread`` standing in), and the
overrides that outside base runs on our object."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/web/__init__.py": "",
    "src/web/app.py": """
        import threading


        class SessionInterface:
            def save_session(self, response):
                raise NotImplementedError


        class CookieSessionInterface(SessionInterface):
            def save_session(self, response):
                response.append("cookie")


        class App:
            session_interface = CookieSessionInterface()

            def __call__(self):
                return self.wsgi_app()

            def wsgi_app(self):
                response = []
                self.session_interface.save_session(response)
                return response

            def test_client(self):
                return Client(self)


        class Client(threading.Thread):
            def __init__(self, app):
                super().__init__(target=app)
    """,
    "src/web/worker.py": """
        import threading


        class Worker(threading.Thread):
            def run(self):
                return step()


        def step():
            return 1
    """,
    "tests/test_request.py": """
        from web.app import App


        def test_request():
            client = App().test_client()
            client.start()
            client.join()
    """,
    "tests/test_worker.py": """
        from web.worker import Worker


        def test_worker():
            worker = Worker()
            worker.start()
            worker.join()
    """,
    "tests/test_other.py": """
        def test_other():
            assert True
    """,
}


def test_a_removed_override_reached_through_an_outside_client_selects_its_test(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/web/app.py"]
    override = 'def save_session(self, response):\n                response.append("cookie")'
    assert override in source
    removed = source.replace(override, "pass")
    commit(root, {"src/web/app.py": removed})
    assert selected_tests(root) == ["tests/test_request.py"]


def test_a_change_to_an_override_an_outside_base_runs_selects_its_test(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/web/worker.py"].replace("return 1", "return 2")
    commit(root, {"src/web/worker.py": changed})
    assert selected_tests(root) == ["tests/test_worker.py"]
