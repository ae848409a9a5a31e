"""``impactgraph tests`` on a Django project: what Django runs that no test names.

A small project written for this benchmark, two applications and nine test files run by
pytest-django, wired the way Django projects are: settings that name code by dotted string
(``MIDDLEWARE``, ``ROOT_URLCONF``, a template context processor), an application whose
``AppConfig.ready()`` connects a ``post_save`` handler, a template library, a management
command, a form whose ``clean_<field>`` Django calls by name, a custom queryset. Tests reach
that code through ``client.get()``, ``render_to_string()``, ``call_command()`` and model
saves: calls that name none of it. Two configurations of the same project:

* ``module``: ``DJANGO_SETTINGS_MODULE = proj.settings`` in ``pytest.ini``;
* ``configure``: no settings module, ``settings.configure(...)`` in the root ``conftest.py``'s
  ``pytest_configure`` (pytest-django's way for a reusable application).

For each hand-written mutation (a signature or a body changed, each one failing some test
file through a path of that kind) the real suite is run, and ``impactgraph tests --base HEAD``
(this checkout's) must select every failing file. Django and pytest-django are installed into
a virtual environment under ``benchmarks/.cache`` (git-ignored)::

    python benchmarks/django_project.py [--configs module configure]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import test_selection as ts  # noqa: E402

REQUIREMENTS = ["django==5.0.14", "pytest==7.4.4", "pytest-django==4.14.0"]
ROOT = ts.CACHE.parent / "django-project"

FILES = {
    "accounts/__init__.py": "",
    "accounts/audit.py": """
        LOG = []
        def record(action, detail=""):
            LOG.append((action, detail))
    """,
    "accounts/middleware.py": """
        from .audit import record
        class AuditMiddleware:
            def __init__(self, get_response):
                self.get_response = get_response
            def __call__(self, request):
                record("request", request.path)
                return self.get_response(request)
    """,
    "accounts/tests/__init__.py": "",
    "accounts/tests/test_audit.py": """
        from accounts.audit import record, LOG
        def test_record():
            record("x")
            assert LOG[-1] == ("x", "")
    """,
    "accounts/tests/test_plain.py": """
        def test_nothing():
            assert 1 + 1 == 2
    """,
    "manage.py": """
        import os, sys
        if __name__ == "__main__":
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")
            from django.core.management import execute_from_command_line
            execute_from_command_line(sys.argv)
    """,
    "proj/__init__.py": "",
    "proj/settings.py": """
        SECRET_KEY = "x"
        DEBUG = True
        ALLOWED_HOSTS = ["*"]
        INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop", "accounts"]
        MIDDLEWARE = ["accounts.middleware.AuditMiddleware"]
        ROOT_URLCONF = "proj.urls"
        DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
        USE_TZ = True
        TEMPLATES = [{
            "BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [],
            "APP_DIRS": True, "OPTIONS": {"context_processors": ["shop.context.cart_count"]},
        }]
    """,
    "proj/urls.py": """
        from django.urls import path
        from shop import views
        urlpatterns = [
            path("p/<int:pk>/", views.product_detail),
            path("list/", views.ProductList.as_view()),
        ]
    """,
    "shop/__init__.py": "",
    "shop/admin.py": """
        from django.contrib import admin
        from .models import Product
        from .pricing import tax
        @admin.register(Product)
        class ProductAdmin(admin.ModelAdmin):
            list_display = ["name"]
    """,
    "shop/apps.py": """
        from django.apps import AppConfig
        class ShopConfig(AppConfig):
            name = "shop"
            def ready(self):
                from . import signals  # noqa: F401
    """,
    "shop/cart.py": """
        def count_items(request):
            return len(request.session.get("cart", [])) if hasattr(request, "session") else 0
    """,
    "shop/context.py": """
        from .cart import count_items
        def cart_count(request):
            return {"cart_count": count_items(request)}
    """,
    "shop/forms.py": """
        from django import forms
        from .pricing import tax
        class ProductForm(forms.Form):
            name = forms.CharField()
            price = forms.IntegerField()
            def clean_price(self):
                p = self.cleaned_data["price"]
                if tax(p) > 100:
                    raise forms.ValidationError("too dear")
                return p
    """,
    "shop/management/__init__.py": "",
    "shop/management/commands/__init__.py": "",
    "shop/management/commands/recount.py": """
        from django.core.management.base import BaseCommand
        from shop.cart import count_items
        class Command(BaseCommand):
            def add_arguments(self, parser):
                parser.add_argument("--n", type=int, default=1)
            def handle(self, *args, **options):
                self.stdout.write(str(options["n"] * 2))
    """,
    "shop/managers.py": """
        from django.db import models
        class ProductQuerySet(models.QuerySet):
            def cheap(self):
                return self.filter(price__lt=5)
    """,
    "shop/models.py": """
        from django.db import models
        from .pricing import tax
        from .managers import ProductQuerySet
        class Product(models.Model):
            name = models.CharField(max_length=50)
            price = models.DecimalField(max_digits=8, decimal_places=2)
            objects = ProductQuerySet.as_manager()
            def gross(self):
                return float(self.price) + tax(float(self.price))
            def __str__(self):
                return self.name
    """,
    "shop/pricing.py": """
        def tax(amount, rate=0.2):
            return round(amount * rate, 2)
    """,
    "shop/signals.py": """
        from django.db.models.signals import post_save
        from django.dispatch import receiver
        from .models import Product
        from accounts.audit import record
        @receiver(post_save, sender=Product)
        def on_saved(sender, instance, **kwargs):
            record("saved", str(instance))
    """,
    "shop/templates/shop/cart.html": """
        <p>{{ cart_count }}</p>
    """,
    "shop/templates/shop/tags.html": """
        {% load shop_tags %}{% with_tax 10 %} {{ "hi"|shout }}
    """,
    "shop/templatetags/__init__.py": "",
    "shop/templatetags/shop_tags.py": """
        from django import template
        from shop.pricing import tax
        register = template.Library()
        @register.simple_tag
        def with_tax(amount):
            return amount + tax(amount)
        @register.filter
        def shout(value):
            return str(value).upper()
    """,
    "shop/tests/__init__.py": "",
    "shop/tests/test_commands.py": """
        from io import StringIO
        from django.core.management import call_command
        def test_recount():
            out = StringIO()
            call_command("recount", "--n", "3", stdout=out)
            assert out.getvalue().strip() == "6"
    """,
    "shop/tests/test_forms.py": """
        from shop.forms import ProductForm
        def test_form():
            assert ProductForm({"name": "a", "price": 3}).is_valid()
    """,
    "shop/tests/test_managers.py": """
        import pytest
        from shop.models import Product
        @pytest.mark.django_db
        def test_cheap():
            Product.objects.create(name="a", price=1)
            Product.objects.create(name="b", price=10)
            assert [p.name for p in Product.objects.cheap()] == ["a"]
    """,
    "shop/tests/test_pricing.py": """
        from shop.pricing import tax
        def test_tax():
            assert tax(10) == 2.0
    """,
    "shop/tests/test_tags.py": """
        from django.template.loader import render_to_string
        def test_tags():
            assert render_to_string("shop/tags.html").strip() == "12.0 HI"
    """,
    "shop/tests/test_template.py": """
        from django.template.loader import render_to_string
        from django.test import RequestFactory
        def test_cart():
            req = RequestFactory().get("/")
            assert render_to_string("shop/cart.html", request=req).strip() == "<p>0</p>"
    """,
    "shop/tests/test_views.py": """
        import pytest
        from shop.models import Product
        @pytest.mark.django_db
        def test_detail(client):
            p = Product.objects.create(name="a", price=10)
            r = client.get(f"/p/{p.pk}/")
            assert r.json() == {"name": "a", "gross": 12.0}
        @pytest.mark.django_db
        def test_list(client):
            Product.objects.create(name="b", price=1)
            assert client.get("/list/").json() == {"names": ["b"]}
    """,
    "shop/views.py": """
        from django.http import JsonResponse
        from django.views import View
        from .models import Product
        def product_detail(request, pk):
            p = Product.objects.get(pk=pk)
            return JsonResponse({"name": str(p), "gross": p.gross()})
        class ProductList(View):
            def get(self, request):
                return JsonResponse({"names": [str(p) for p in Product.objects.all()]})
    """,
}

SETTINGS_MODULE = {"pytest.ini": "[pytest]\nDJANGO_SETTINGS_MODULE = proj.settings\n"}
CONFIGURE = {
    "pytest.ini": "[pytest]\n",  # this folder's configuration, not one found further up
    "conftest.py": """
        def pytest_configure(config):
            from django.conf import settings

            settings.configure(
                SECRET_KEY="x", DEBUG=True, ALLOWED_HOSTS=["*"], USE_TZ=True,
                INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "shop",
                                "accounts"],
                MIDDLEWARE=["accounts.middleware.AuditMiddleware"],
                ROOT_URLCONF="proj.urls",
                DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                                       "NAME": ":memory:"}},
                TEMPLATES=[{
                    "BACKEND": "django.template.backends.django.DjangoTemplates",
                    "APP_DIRS": True,
                    "OPTIONS": {"context_processors": ["shop.context.cart_count"]},
                }],
            )
    """,
}
CONFIGS = {"module": SETTINGS_MODULE, "configure": CONFIGURE}

# (what it is, file, text, replacement): each breaks a test through what Django runs
MUTATIONS = (
    ("middleware's callee: keyword-only", "accounts/audit.py",
     'def record(action, detail=""):', 'def record(action, *, detail=""):'),
    ("middleware __init__ gains a parameter", "accounts/middleware.py",
     "def __init__(self, get_response):", "def __init__(self, get_response, extra):"),
    ("context processor's callee gains a parameter", "shop/cart.py",
     "def count_items(request):", "def count_items(request, user):"),
    ("view's callee: parameter made required", "shop/pricing.py",
     "def tax(amount, rate=0.2):", "def tax(amount, rate):"),
    ("class-based view's method gains a parameter", "shop/views.py",
     "def get(self, request):", "def get(self, request, extra):"),
    ("post_save handler raises", "shop/signals.py",
     '    record("saved", str(instance))', "    raise RuntimeError(str(instance))"),
    ("AppConfig.ready raises", "shop/apps.py",
     "        from . import signals  # noqa: F401", '        raise RuntimeError("ready")'),
    ("template tag's body", "shop/templatetags/shop_tags.py",
     "return amount + tax(amount)", "return amount + tax(amount) + 1"),
    ("template filter's body", "shop/templatetags/shop_tags.py",
     "return str(value).upper()", "return str(value).lower()"),
    ("management command's body", "shop/management/commands/recount.py",
     'options["n"] * 2', 'options["n"] * 3'),
    ("form clean_<field>'s body", "shop/forms.py", "if tax(p) > 100:", "if tax(p) > 0:"),
    ("custom queryset method's body", "shop/managers.py", "price__lt=5", "price__lt=50"),
    ("Model.__str__'s body", "shop/models.py", "return self.name", "return self.name.upper()"),
)


def build(config: str) -> Path:
    repo = ROOT / config
    shutil.rmtree(repo, ignore_errors=True)
    for path, text in {**FILES, **CONFIGS[config]}.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"))
    ts.commit_all(repo, "base")
    return repo


def failing_files(python: Path, repo: Path) -> set[str]:
    run = ts.run_pytest(python, repo, {}, [], timeout=300)
    if run.broken:  # pytest stopped before running a test (AppConfig.ready raising)
        return {"*"}
    return {ts.file_of(node) for node in run.failed}


def selected(repo: Path) -> tuple[list[str], bool]:
    done = subprocess.run([sys.executable, "-m", "impactgraph", "tests", "--base", "HEAD",
                           "--format", "json"], cwd=repo, text=True, capture_output=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"impactgraph tests failed in {repo}: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    return [t["path"] for t in report["tests"]], bool(report["all"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", nargs="+", choices=sorted(CONFIGS), default=list(CONFIGS))
    args = parser.parse_args(argv)
    python = ts.new_venv(ts.CACHE / "venvs" / "django-project", REQUIREMENTS)
    print("| configuration | mutation | failing files | selected | missed |")
    print("| --- | --- | ---: | ---: | --- |")
    unsafe = 0
    for config in args.configs:
        repo = build(config)
        total = len([p for p in FILES if "/tests/test_" in p])
        if failing_files(python, repo):
            raise SystemExit(f"{config}: the suite fails before any mutation")
        for name, path, old, new in MUTATIONS:
            target = repo / path
            text = target.read_text()
            if old not in text:
                raise SystemExit(f"{config}: {path} lacks {old!r}")
            target.write_text(text.replace(old, new, 1))
            failing = failing_files(python, repo)
            chosen, everything = selected(repo)
            missed = [] if everything else sorted(
                f for f in failing if f != "*" and f not in chosen)
            if "*" in failing and not everything and len(chosen) < total:
                missed.append("(every test: pytest stopped)")
            unsafe += bool(missed)
            shown = "all" if "*" in failing else str(len(failing))
            print(f"| {config} | {name} | {shown} | {len(chosen)}/{total} | "
                  f"{', '.join(missed) or '-'} |", flush=True)
            ts.reset(repo)
    print(f"\nunsafe mutations: {unsafe}")
    return 1 if unsafe else 0


if __name__ == "__main__":
    raise SystemExit(main())
