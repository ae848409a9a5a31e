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
