"""A name a class of ours binds in its body is that binding's, even when what the binding holds
is unknown: ``objects = ProductQuerySet.as_manager()`` (what an outside function returns is not
known) is not the outside base's ``Model.objects``. Read as the outside attribute, the call
``Product.objects.cheap()`` was an outside call, and the change of ``ProductQuerySet.cheap``,
which Django's manager runs, selected no test; unknown, it is an unresolved call asking for
``cheap``."""

from __future__ import annotations

from helpers import graph_of

CODE = {
    "shop/__init__.py": "",
    "shop/models.py": """
from django.db import models


class ProductQuerySet(models.QuerySet):
    def cheap(self):
        return self.filter(price__lt=5)


class Product(models.Model):
    objects = ProductQuerySet.as_manager()


class Plain(models.Model):
    pass


def use():
    Product.objects.cheap()
    Plain.objects.all()
""",
}


def test_a_bound_name_whose_value_is_unknown_is_not_the_outside_bases() -> None:
    graph = graph_of(CODE)
    outside = graph.external_calls.get("shop.models:use", set())
    assert "django.db.models.Model.objects.cheap" not in outside
    asked = {site for site in graph.unresolved_sites if site[0] == "shop.models:use"}
    assert asked, "Product.objects.cheap() is a call of an unknown object"
    # a name the class does not bind is still the outside base's
    assert "django.db.models.Model.objects.all" in outside
