"""``impactgraph tests`` on functions a decorator hands to outside code as the module is
imported (Flask's ``@bp.route("/")``, Django's ``@receiver(signal)``, a task queue's
``@app.task``): the framework calls them later, from a call that names none of them
(``client.get("/")``). A change they reach may fail every test whose process imports
their module; before, a Flask app's view, what it calls, or its route selected no test."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

FLASK = {
    "app/__init__.py": """
        from flask import Flask


        def create_app():
            app = Flask(__name__)
            from . import views
            app.register_blueprint(views.bp)
            return app
    """,
    "app/views.py": """
        from flask import Blueprint

        from .pricing import total

        bp = Blueprint("main", __name__)


        @bp.route("/")
        def index():
            return "Hello " + str(total([1, 2]))


        @bp.route("/about")
        def about():
            return "about"
    """,
    "app/pricing.py": """
        def total(items):
            return sum(items)
    """,
    "app/cache.py": """
        import functools


        @functools.lru_cache
        def rates():
            return {"eur": 1}
    """,
    "tests/conftest.py": """
        import pytest

        from app import create_app


        @pytest.fixture
        def client():
            return create_app().test_client()
    """,
    "tests/test_index.py": """
        def test_index(client):
            assert client.get("/").data == b"Hello 3"
    """,
    "tests/test_about.py": """
        def test_about(client):
            assert client.get("/about").data == b"about"
    """,
    "tests/test_cache.py": """
        from app.cache import rates


        def test_rates():
            assert rates()["eur"] == 1
    """,
}
VIEWS = FLASK["app/views.py"]
CLIENT_TESTS = ["tests/test_about.py", "tests/test_index.py"]


@pytest.mark.parametrize("edit", [
    {"app/views.py": VIEWS.replace('"Hello "', '"Hi "')},
    {"app/pricing.py": "def total(items, tax):\n    return sum(items)\n"},
    {"app/views.py": VIEWS.replace('@bp.route("/about")', '@bp.route("/info")')},
], ids=["view-body", "what-a-view-calls", "route"])
def test_a_change_reaching_a_registered_view_selects_the_tests_that_load_it(
    tmp_path: Path, edit: dict[str, str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FLASK, message="base", tag="base")
    commit(root, edit)
    assert selected_tests(root) == CLIENT_TESTS


def test_a_decorator_of_the_standard_library_registers_nothing(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FLASK, message="base", tag="base")
    commit(root, {"app/cache.py": FLASK["app/cache.py"].replace('"eur": 1', '"eur": 2')})
    assert selected_tests(root) == ["tests/test_cache.py"]


CLICK = {
    "tool/__init__.py": "",
    "tool/cli.py": """
        import click


        @click.group()
        def cli():
            pass


        @cli.command()
        def hello():
            click.echo("hello")


        @cli.command()
        def bye():
            click.echo("bye")
    """,
    "tests/test_cli.py": """
        from click.testing import CliRunner

        from tool.cli import cli


        def test_bye():
            assert CliRunner().invoke(cli, ["bye"]).output == "bye\\n"
    """,
    "tests/test_plain.py": "def test_plain():\n    pass\n",
}


def test_a_command_of_a_group_of_ours_that_goes_selects_the_tests_that_load_it(
    tmp_path: Path,
) -> None:
    """``@cli.command()``: ``cli`` is ours, but ``@click.group()`` made it click's Group, which
    registers ``bye`` by its name; renaming the function renames the command, and
    ``invoke(cli, ["bye"])`` fails though it names no function of ours that changed."""
    root = init_repo(tmp_path / "repo")
    commit(root, CLICK, message="base", tag="base")
    commit(root, {"tool/cli.py": CLICK["tool/cli.py"].replace("def bye():", "def goodbye():")})
    assert selected_tests(root) == ["tests/test_cli.py"]
