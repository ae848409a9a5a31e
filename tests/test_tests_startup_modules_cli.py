"""``impactgraph tests`` on modules that pytest's configuration has every test process load:
pytest-django's ``DJANGO_SETTINGS_MODULE`` (an ini key, or ``--ds`` in ``addopts``) and
plugins named with ``-p`` in ``addopts``. Django imports the settings before any test runs,
and what they name by string (``ROOT_URLCONF``, the URL patterns' views) when a test makes a
request: no test file imports them, yet a change there fails tests (a Django project made by
``startproject``: a changed setting, URL pattern or view selected no test file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

DJANGO = {
    "manage.py": """
        import os
        import sys


        def main():
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
            from django.core.management import execute_from_command_line
            execute_from_command_line(sys.argv)
    """,
    "mysite/__init__.py": "",
    "mysite/settings.py": """
        INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
        ROOT_URLCONF = "mysite.urls"
        GREETING = "Hello"
    """,
    "mysite/urls.py": """
        from django.urls import path

        from shop import views

        urlpatterns = [path("", views.index)]
    """,
    "shop/__init__.py": "",
    "shop/models.py": """
        from django.db import models


        class Book(models.Model):
            title = models.CharField(max_length=100)
    """,
    "shop/views.py": """
        from django.conf import settings
        from django.http import HttpResponse


        def index(request):
            return HttpResponse(settings.GREETING)
    """,
    "shop/pricing.py": """
        def total(items):
            return sum(items)
    """,
    "tests/test_views.py": """
        def test_index(client):
            assert client.get("/").content == b"Hello"
    """,
    "tests/test_plain.py": """
        def test_plain():
            assert 1 + 1 == 2
    """,
}
ALL = ["tests/test_plain.py", "tests/test_views.py"]


@pytest.mark.parametrize("configuration", [
    {"pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = mysite.settings\n"},
    {"pyproject.toml": '[tool.pytest.ini_options]\nDJANGO_SETTINGS_MODULE = "mysite.settings"\n'},
    {"setup.cfg": "[tool:pytest]\naddopts = --ds=mysite.settings\n"},
    {"pytest.ini": "[pytest]\naddopts = --ds mysite.settings -p no:cacheprovider\n"},
    {"conftest.py": "import os\n\nimport django\n\n"
                    'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n'
                    "django.setup()\n"},
], ids=["ini", "pyproject", "addopts-equals", "addopts-space", "root-conftest"])
@pytest.mark.parametrize("edit", [
    {"mysite/settings.py": DJANGO["mysite/settings.py"].replace("Hello", "Hi")},
    {"mysite/urls.py": DJANGO["mysite/urls.py"].replace('path("",', 'path("x/",')},
    {"shop/views.py": DJANGO["shop/views.py"].replace("(settings.GREETING)",
                                                      "(settings.GREETING + '!')")},
], ids=["setting", "url-pattern", "view"])
def test_what_the_configured_settings_module_reaches_selects_every_test(
    tmp_path: Path, configuration: dict[str, str], edit: dict[str, str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {**DJANGO, **configuration}, message="base", tag="base")
    commit(root, edit)
    assert selected_tests(root) == ALL


def test_code_the_settings_do_not_reach_selects_as_before(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {**DJANGO, "pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = mysite.settings\n"},
           message="base", tag="base")
    commit(root, {"shop/pricing.py": "def total(items, tax):\n    return sum(items)\n"})
    assert selected_tests(root) == []


def test_a_plugin_named_with_p_in_addopts_is_loaded_for_every_test(tmp_path: Path) -> None:
    files = {
        "pytest.ini": "[pytest]\naddopts = -p shop.testing\n",
        "shop/__init__.py": "",
        "shop/testing.py": """
            import pytest


            @pytest.fixture(autouse=True)
            def clean_state():
                yield
        """,
        "tests/test_a.py": "def test_a():\n    pass\n",
        "tests/test_b.py": "def test_b():\n    pass\n",
    }
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/testing.py": files["shop/testing.py"].replace("yield", "yield 1")})
    assert selected_tests(root) == ["tests/test_a.py", "tests/test_b.py"]


# Classes the settings name by string (``MIDDLEWARE``, ``AUTHENTICATION_BACKENDS``): Django
# makes and calls them on every request a test makes, through methods nothing of ours calls
MIDDLEWARE = {
    **DJANGO,
    "pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = mysite.settings\n",
    "mysite/settings.py": """
        INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
        ROOT_URLCONF = "mysite.urls"
        MIDDLEWARE = ["shop.middleware.AuditMiddleware"]
        GREETING = "Hello"
    """,
    "shop/audit.py": """
        LOG = []


        def record(action, detail=""):
            LOG.append((action, detail))
    """,
    "shop/base.py": """
        class Recording:
            def note(self, request):
                pass
    """,
    "shop/middleware.py": """
        from shop.audit import record
        from shop.base import Recording


        class AuditMiddleware(Recording):
            def __init__(self, get_response):
                self.get_response = get_response

            def __call__(self, request):
                record("request", request.path)
                self.note(request)
                return self.get_response(request)
    """,
}


@pytest.mark.parametrize("edit", [
    {"shop/audit.py": MIDDLEWARE["shop/audit.py"].replace("record(action, detail",
                                                          "record(action, *, detail")},
    {"shop/middleware.py": MIDDLEWARE["shop/middleware.py"].replace(
        "get_response):", "get_response, extra):")},
    {"shop/base.py": MIDDLEWARE["shop/base.py"].replace("(self, request)", "(self)")},
    {"shop/audit.py": "def record(action, detail=\"\"):\n    LOG.append((action, detail)\n"},
], ids=["called-by-the-class", "constructor", "inherited-method", "does-not-parse"])
def test_a_class_the_settings_name_by_string_runs_with_every_method(
    tmp_path: Path, edit: dict[str, str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, MIDDLEWARE, message="base", tag="base")
    commit(root, edit)
    assert selected_tests(root) == ALL


def test_a_class_the_settings_do_not_name_selects_as_before(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {**MIDDLEWARE, "shop/other.py": "class Other:\n    def run(self):\n        pass\n"}
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/other.py": "class Other:\n    def run(self, x):\n        pass\n"})
    assert selected_tests(root) == []


# An installed application's ``AppConfig.ready()`` (Django runs it as it starts, though no
# setting names it when ``INSTALLED_APPS`` says only "shop") connects the signal handlers
APP = {
    **DJANGO,
    "pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = mysite.settings\n",
    "shop/apps.py": """
        from django.apps import AppConfig


        class ShopConfig(AppConfig):
            name = "shop"

            def ready(self):
                from . import signals  # noqa: F401
    """,
    "shop/signals.py": """
        from django.db.models.signals import post_save
        from django.dispatch import receiver

        from shop.notify import notify


        @receiver(post_save)
        def on_saved(sender, instance, **kwargs):
            notify(instance)
    """,
    "shop/notify.py": "def notify(instance):\n    return instance\n",
    "shop/helpers.py": "def slug(text):\n    return text\n",
    "shop/models.py": """
        from django.db import models

        from shop.helpers import slug


        class Book(models.Model):
            title = models.CharField(max_length=100)
    """,
}


@pytest.mark.parametrize("edit", [
    {"shop/notify.py": "def notify(instance):\n    raise RuntimeError(instance)\n"},
    {"shop/apps.py": APP["shop/apps.py"].replace("from . import signals  # noqa: F401",
                                                 "raise RuntimeError")},
], ids=["signal-handler", "ready"])
def test_what_an_installed_application_runs_as_django_starts_selects_every_test(
    tmp_path: Path, edit: dict[str, str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, APP, message="base", tag="base")
    commit(root, edit)
    assert selected_tests(root) == ALL


def test_a_function_the_models_only_import_selects_as_before(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, APP, message="base", tag="base")
    commit(root, {"shop/helpers.py": "def slug(text):\n    return text.lower()\n"})
    assert selected_tests(root) == []


# Loaded by a name of Django's own: a template library by ``{% load shop_tags %}`` in a
# template (the engine imports every one as it starts), a command by ``call_command("recount")``
LOADED_BY_DJANGO = {
    **APP,
    "shop/templatetags/__init__.py": "",
    "shop/templatetags/shop_tags.py": """
        from django import template

        register = template.Library()


        @register.filter
        def shout(value):
            return str(value).upper()
    """,
    "shop/management/__init__.py": "",
    "shop/management/commands/__init__.py": "",
    "shop/management/commands/recount.py": """
        from django.core.management.base import BaseCommand


        class Command(BaseCommand):
            def handle(self, *args, **options):
                self.stdout.write("2")
    """,
    # like the applications' modules, but not Django's to load: a change here selects nothing
    "shop/templatetags_notes.py": "def note():\n    return 1\n",
}


def test_a_template_library_django_loads_by_its_own_name_selects_every_test(
    tmp_path: Path
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, LOADED_BY_DJANGO, message="base", tag="base")
    commit(root, {"shop/templatetags/shop_tags.py": LOADED_BY_DJANGO[
        "shop/templatetags/shop_tags.py"].replace(".upper()", ".lower()")})
    assert selected_tests(root) == ALL


def test_a_management_command_selects_the_tests_that_run_commands(tmp_path: Path) -> None:
    files = {
        **LOADED_BY_DJANGO,
        "shop/management/commands/recount.py": """
            from django.core.management.base import BaseCommand

            from shop.counting import count


            class Command(BaseCommand):
                def handle(self, *args, **options):
                    self.stdout.write(str(count(2)))
        """,
        "shop/counting.py": "def count(n):\n    return n\n",
        "tests/helpers.py": """
            from django.core.management import call_command


            def run(name):
                return call_command(name)
        """,
        "tests/test_commands.py": """
            from tests.helpers import run


            def test_recount():
                run("recount")
        """,
    }
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/counting.py": "def count(n):\n    return n * 2\n"})
    assert selected_tests(root) == ["tests/test_commands.py"]


def test_a_module_django_does_not_load_by_name_selects_as_before(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, LOADED_BY_DJANGO, message="base", tag="base")
    commit(root, {"shop/templatetags_notes.py": "def note():\n    return 2\n"})
    assert selected_tests(root) == []


def test_settings_a_conftest_configures_in_a_session_hook_run_for_every_test(
    tmp_path: Path
) -> None:
    # pytest-django's way for a reusable application: no settings module, the settings made
    # in ``pytest_configure``; what they name by string runs as if a settings module did
    files = {key: value for key, value in MIDDLEWARE.items() if key != "pytest.ini"}
    files["conftest.py"] = """
        def pytest_configure(config):
            from django.conf import settings

            settings.configure(
                INSTALLED_APPS=["django.contrib.contenttypes", "shop"],
                ROOT_URLCONF="mysite.urls",
                MIDDLEWARE=["shop.middleware.AuditMiddleware"],
            )


        def pytest_collection_modifyitems(items):
            pass
    """
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/audit.py": files["shop/audit.py"].replace("record(action, detail",
                                                                   "record(action, *, detail")})
    assert selected_tests(root) == ALL


def test_a_conftest_fixture_is_not_a_session_hook(tmp_path: Path) -> None:
    files = {key: value for key, value in MIDDLEWARE.items() if key != "pytest.ini"}
    files["conftest.py"] = """
        import pytest


        @pytest.fixture
        def audit():
            return "shop.middleware.AuditMiddleware"
    """
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/audit.py": files["shop/audit.py"].replace("record(action, detail",
                                                                   "record(action, *, detail")})
    # what the fixture names by string is built by whoever reads it (``AuditMiddleware`` and
    # its ``__call__``), for the tests that request it: tests/test_views.py requests
    # ``client``, which no conftest of ours defines, so it may be this one; tests/test_plain.py
    # requests nothing and is not selected, as it would be for a session hook
    assert selected_tests(root) == ["tests/test_views.py"]


def test_what_a_conftest_imports_runs_only_its_module_code_for_every_test(
    tmp_path: Path
) -> None:
    # the module code of what the conftest imports runs for every test; the functions a
    # dict of it refers to (jinja2's FILTERS) run only where something calls them
    files = {
        "conftest.py": """
            from shop import filters


            def pytest_configure(config):
                filters.setup()
        """,
        "shop/__init__.py": "",
        "shop/filters.py": """
            def up(text):
                return text.upper()


            def setup():
                return None


            FILTERS = {"up": up}
        """,
        "tests/test_up.py": """
            from shop.filters import up


            def test_up():
                assert up("a") == "A"
        """,
        "tests/test_other.py": "def test_other():\n    assert True\n",
    }
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/filters.py": files["shop/filters.py"].replace(".upper()", ".title()")})
    assert selected_tests(root) == ["tests/test_up.py"]
    commit(root, {"shop/filters.py": files["shop/filters.py"].replace("return None",
                                                                      "return 1")})
    assert selected_tests(root) == ["tests/test_other.py", "tests/test_up.py"]


def test_commands_walks_share_nothing_of_a_module_one_runs_and_another_reads(
    tmp_path: Path
) -> None:
    # ``alpha`` imports shop.registry (its module code runs: HANDLERS refers to count, runs
    # nothing); ``beta`` names it by string (read as data: count counts). Walked in turn, what
    # alpha's walk met without a change must not hide what beta's reads.
    command = """
        from django.core.management.base import BaseCommand
        {line}


        class Command(BaseCommand):
            def handle(self, *args, **options):
                self.stdout.write("ok")
    """
    files = {
        **LOADED_BY_DJANGO,
        "shop/management/commands/alpha.py": command.format(line="import shop.registry"),
        "shop/management/commands/beta.py": command.format(line='LOADS = "shop.registry"'),
        "shop/registry.py": "from shop.counting import count\n\nHANDLERS = [count]\n",
        "shop/counting.py": "def count(n):\n    return n\n",
        "tests/test_commands.py": """
            from django.core.management import call_command


            def test_alpha():
                call_command("alpha")
        """,
    }
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    commit(root, {"shop/counting.py": "def count(n):\n    return n * 2\n"})
    assert selected_tests(root) == ["tests/test_commands.py"]
