"""The graph facts of fixtures/shop/EXPECTED.md ("Fixed facts about the graph")."""

from __future__ import annotations

from pathlib import Path

import pytest

from impactgraph.app.callgraph import to_pycg
from impactgraph.app.indexing import index_directory

SHOP = Path(__file__).resolve().parents[2] / "fixtures" / "shop"


@pytest.fixture(scope="module")
def graph():
    return index_directory(SHOP).graph


def edges(graph, kind):
    return {(s, t) for s, t, _ in graph.edges([kind])}


def test_source_roots_and_module_names(graph):
    assert graph.path_of("catalog.search") == "packages/catalog/src/catalog/search.py"
    assert graph.path_of("test_api") == "tests/test_api.py"
    assert graph.path_of("test_models") == "packages/catalog/tests/test_models.py"


def test_reexports_resolve_to_the_definition(graph):
    calls = edges(graph, "calls")
    assert ("storefront.api:get_book", "catalog.search:find_book") in calls
    exports = edges(graph, "exports")
    assert ("catalog", "catalog.search:find_book") in exports
    assert ("payments", "payments.billing:checkout") in exports


def test_alias_star_and_relative_imports(graph):
    calls = edges(graph, "calls")
    assert ("orders.cart:Cart.add", "catalog.search:find_book") in calls  # lookup_book alias
    assert ("catalog.search:find_book", "catalog.text:normalize") in calls  # star import
    assert any(s.startswith("storefront.routes:") and t == "storefront.api:get_book"
               for s, t in calls)  # from . import api
    assert ("storefront.api:order_service", "orders.service:OrderService.__init__") in calls


def test_abc_dispatch_reaches_every_implementation(graph):
    targets = {t for s, t in edges(graph, "calls") if s == "payments.billing:checkout"}
    assert {
        "payments.gateway:PaymentGateway.charge",
        "payments.providers.stripe:StripeGateway.charge",
        "payments.providers.paypal:PaypalGateway.charge",
        "payments.providers.null:NullGateway.charge",
    } <= targets


def test_protocol_dispatch_reaches_structural_implementations(graph):
    targets = {t for s, t in edges(graph, "calls") if s == "orders.service:OrderService.place"}
    assert {"orders.channels:EmailNotifier.send", "orders.channels:SmsNotifier.send"} <= targets
    overrides = edges(graph, "overrides")
    assert ("orders.channels:EmailNotifier.send", "orders.notify:Notifier.send") in overrides
    assert ("payments.providers.null:NullGateway.charge",
            "payments.gateway:PaymentGateway.charge") in overrides


def test_super_init_and_inheritance(graph):
    assert ("orders.service:OrderService.__init__",
            "orders.service:BaseService.__init__") in edges(graph, "calls")
    assert ("orders.service:OrderService", "orders.service:BaseService") in edges(graph, "inherits")


def test_callback_is_a_reference(graph):
    assert ("storefront.api:search", "catalog.inventory:is_in_stock") in edges(graph, "references")


def test_importer_that_does_not_call_is_not_a_caller(graph):
    admin = {t for s, t in edges(graph, "calls") if s.startswith("storefront.admin")}
    assert "catalog.search:find_book" not in admin
    assert "catalog.inventory:list_categories" in admin


def test_registry_dispatch_reaches_the_registered_handlers(graph):
    # @route(path) stores each handler in _ROUTES; dispatch calls _ROUTES.get(path)(...)
    targets = {t for s, t in edges(graph, "calls") if s == "storefront.routes:dispatch"}
    handlers = {n for n in graph.nodes("function") if n.startswith("storefront.routes:")
                and n not in ("storefront.routes:dispatch", "storefront.routes:route",
                              "storefront.routes:route.register")}
    assert handlers and handlers <= targets


def test_unresolvable_calls_are_counted_not_guessed(graph):
    assert graph.unresolved_calls >= 1
    assert len(graph.unresolved_sites) == graph.unresolved_calls


def test_pycg_export_has_every_function(graph):
    exported = to_pycg(graph)
    assert "catalog.search.search_books.matches" in exported
    assert "catalog.search" in exported
    assert "<builtin>.len" not in exported
