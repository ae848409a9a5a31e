"""The scenarios of fixtures/shop/EXPECTED.md, on the traversal itself (no git).

Each scenario gives the change the diff engine reports; the expected affected sets, depths and
gateway flags were counted by hand and checked by running the code.
"""

from __future__ import annotations

import pytest
from helpers import graph_of

from impact.shop import CATALOG, ORDERS, PAYMENTS, remove, replace, shop_tree
from impactgraph.config import Config
from impactgraph.impact.analyse import analyse
from impactgraph.model import Change, ChangeKind, ChangeSet

GATEWAYS = ("storefront.api", "*.routes")
BASE = shop_tree()
BASE_GRAPH = graph_of(BASE)


def run(head_tree, *changes):
    head_graph = graph_of(head_tree)
    changeset = ChangeSet("base", "head", tuple(Change(*c) for c in changes))
    changed_paths = sorted(
        p for p in set(BASE) | set(head_tree) if BASE.get(p) != head_tree.get(p)
    )
    return analyse(
        changeset, BASE_GRAPH, head_graph, Config(gateways=GATEWAYS),
        changed_paths=changed_paths, head_files=sorted(head_tree),
    )


def table(report):
    """Affected modules, leaving out those that hold a changed symbol (EXPECTED.md's latitude)."""
    own = {c.symbol.split(":", 1)[0] for c in report.changes}
    return {a.module: (a.depth, a.crosses_gateway) for a in report.affected if a.module not in own}


def s1():
    head = replace(
        BASE, f"{CATALOG}/search.py",
        "def find_book(title: str, include_archived: bool = False) -> Book | None:",
        "def find_book(title: str) -> Book | None:",
    )
    head = replace(head, f"{CATALOG}/search.py", "if book.archived and not include_archived:",
                   "if book.archived:")
    return run(head, ("catalog.search:find_book", ChangeKind.PARAMETER_REMOVED, True,
                      f"{CATALOG}/search.py", 12, "include_archived"))


def test_s1_signature_change_reaches_callers_not_importers():
    report = s1()
    assert table(report) == {
        "storefront.api": (1, True), "orders.cart": (1, False), "test_search": (1, False),
        "storefront.routes": (2, True), "test_api": (2, True), "test_orders": (2, False),
    }
    breaking = {a.module for a in report.affected if a.breaking}
    assert {"storefront.api", "orders.cart", "test_search"} <= breaking
    assert report.tests == ("tests/test_api.py", "tests/test_orders.py", "tests/test_search.py")
    order = [a.module for a in report.affected]
    assert order.index("storefront.api") < order.index("orders.cart") < order.index("test_orders")
    assert order.index("storefront.routes") < order.index("test_orders")


def test_s1_caller_updated_in_the_same_change_is_not_broken():
    head = replace(
        BASE, f"{CATALOG}/search.py",
        "def find_book(title: str, include_archived: bool = False) -> Book | None:",
        "def find_book(title: str, *, include_archived: bool = False) -> Book | None:",
    )
    report = run(head, ("catalog.search:find_book", ChangeKind.PARAMETER_KIND_CHANGED, True,
                        f"{CATALOG}/search.py", 12, "include_archived"))
    # every caller passes include_archived by keyword: nobody is broken
    assert not [a.module for a in report.affected if a.breaking]
    assert "storefront.api" in table(report)


def test_s2_body_change_through_star_import():
    head = replace(BASE, f"{CATALOG}/text.py", "def normalize", "def normalize")
    report = run(head, ("catalog.text:normalize", ChangeKind.BODY_CHANGED, False,
                        f"{CATALOG}/text.py", 1, ""))
    assert table(report) == {
        "catalog.search": (1, False), "storefront.api": (2, True), "orders.cart": (2, False),
        "test_search": (2, False), "storefront.routes": (3, True), "test_api": (3, True),
        "test_orders": (3, False),
    }
    assert not any(a.breaking for a in report.affected)
    assert not next(a for a in report.affected if a.module == "catalog.search").crosses_package


def test_s3_removed_reexport_breaks_importers_at_import_time():
    head = replace(BASE, f"{CATALOG}/__init__.py", "from .search import find_book, search_books",
                   "from .search import search_books")
    head = replace(head, f"{CATALOG}/__init__.py", '"find_book", ', "")
    report = run(head, ("catalog:find_book", ChangeKind.EXPORT_REMOVED, True,
                        f"{CATALOG}/__init__.py", 5, ""))
    assert table(report) == {
        "storefront.api": (1, True), "orders.cart": (1, False), "test_search": (1, False),
        "storefront.routes": (2, True), "test_api": (2, True), "test_orders": (2, False),
    }
    assert all(a.breaking for a in report.affected)
    assert report.tests == ("tests/test_api.py", "tests/test_orders.py", "tests/test_search.py")


def test_s4_removed_module_cascades_through_the_package_init():
    head = remove(BASE, f"{PAYMENTS}/providers/paypal.py")
    report = run(head, ("payments.providers.paypal", ChangeKind.MODULE_REMOVED, True,
                        f"{PAYMENTS}/providers/paypal.py", 1, ""))
    got = table(report)
    expected = {
        "payments.providers": (1, False), "test_payments": (1, False),
        "storefront.api": (2, True), "conftest": (2, False),
        "storefront.routes": (3, True), "test_api": (3, True),
    }
    for module, value in expected.items():
        assert got[module] == value, module
    optional = {"payments.providers.stripe", "payments.providers.null", "payments.billing",
                "orders.service", "test_orders"}
    assert set(got) - set(expected) <= optional
    for a in report.affected:
        if a.module in expected:
            assert a.breaking, a.module
        if a.module in {"payments.billing", "orders.service", "test_orders"}:
            assert not a.breaking, a.module
    assert report.tests == ("tests/test_api.py", "tests/test_orders.py",
                            "tests/test_payments.py", "tests/test_search.py")


def test_s5_interface_method_change_reaches_implementations_and_callers():
    head = replace(BASE, f"{PAYMENTS}/gateway.py", "def charge(self, amount: int, currency: str)",
                   "def charge(self, amount: int, currency: str, idempotency_key: str)")
    report = run(head, ("payments.gateway:PaymentGateway.charge", ChangeKind.PARAMETER_ADDED,
                        True, f"{PAYMENTS}/gateway.py", 1, "idempotency_key"))
    assert table(report) == {
        "payments.billing": (1, False), "payments.providers.stripe": (1, False),
        "payments.providers.paypal": (1, False), "payments.providers.null": (1, False),
        "orders.service": (2, False), "test_payments": (2, False),
        "storefront.api": (3, True), "test_orders": (3, False),
        "storefront.routes": (4, True), "test_api": (4, True),
    }
    assert next(a for a in report.affected if a.module == "payments.billing").breaking
    assert report.tests == ("tests/test_api.py", "tests/test_orders.py", "tests/test_payments.py")


def test_s6_protocol_method_change_reaches_structural_implementations():
    head = replace(BASE, f"{ORDERS}/notify.py", "def send(self, to: str, message: str)",
                   "def send(self, to: str, message: str, subject: str)")
    report = run(head, ("orders.notify:Notifier.send", ChangeKind.PARAMETER_ADDED, True,
                        f"{ORDERS}/notify.py", 1, "subject"))
    assert table(report) == {
        "orders.service": (1, False), "orders.channels": (1, False),
        "storefront.api": (2, True), "test_orders": (2, False),
        "storefront.routes": (3, True), "test_api": (3, True),
    }
    assert next(a for a in report.affected if a.module == "orders.service").breaking
    assert report.tests == ("tests/test_api.py", "tests/test_orders.py")


def test_s7_constructor_change_reaches_conftest_and_its_tests():
    head = replace(
        BASE, f"{ORDERS}/service.py", 'currency: str = "EUR"',
        'currency: str = "EUR", *, store_id: str',
    )
    report = run(head, ("orders.service:OrderService.__init__", ChangeKind.PARAMETER_ADDED, True,
                        f"{ORDERS}/service.py", 1, "store_id"))
    assert table(report) == {
        "storefront.api": (1, True), "conftest": (1, False),
        # test_orders asks for the ``service`` fixture, which constructs OrderService
        "test_orders": (2, False),
        "storefront.routes": (3, True), "test_api": (3, True),
    }
    breaking = {a.module for a in report.affected if a.breaking}
    assert {"storefront.api", "conftest"} <= breaking
    assert report.tests == ("tests/test_api.py", "tests/test_orders.py",
                            "tests/test_payments.py", "tests/test_search.py")


def test_s8_removed_module_cascade_reaches_every_importer():
    head = remove(BASE, f"{CATALOG}/text.py")
    report = run(head, ("catalog.text", ChangeKind.MODULE_REMOVED, True,
                        f"{CATALOG}/text.py", 1, ""))
    got = table(report)
    expected = {
        "catalog.search": (1, False), "catalog": (2, False), "storefront.api": (2, True),
        "orders.cart": (2, False), "test_search": (2, False), "orders.models": (3, False),
        "storefront.admin": (3, False), "storefront.routes": (3, True), "test_api": (3, True),
        "test_orders": (3, False), "orders": (4, False), "orders.pricing": (4, False),
        "orders.service": (4, False), "conftest": (5, False),
    }
    for module, value in expected.items():
        assert got.get(module) == value, module
    optional = {"catalog.inventory", "catalog.models", "orders.audit", "orders.channels",
                "orders.notify", "test_models"}
    assert set(got) - set(expected) <= optional
    assert all(a.breaking for a in report.affected if a.module in expected)
    assert len(report.tests) == 5


def test_s9_body_change_of_one_implementation():
    head = replace(BASE, f"{PAYMENTS}/providers/paypal.py", "PAY-", "PP-")
    report = run(head, ("payments.providers.paypal:PaypalGateway.charge", ChangeKind.BODY_CHANGED,
                        False, f"{PAYMENTS}/providers/paypal.py", 1, ""))
    assert table(report) == {
        "payments.billing": (1, False), "test_payments": (1, False),
        "orders.service": (2, False), "storefront.api": (3, True), "test_orders": (3, False),
        "storefront.routes": (4, True), "test_api": (4, True),
    }
    assert not any(a.breaking for a in report.affected)


@pytest.mark.parametrize("module", ["storefront.admin"])
def test_precision_importer_that_does_not_call_is_not_affected(module):
    assert module not in table(s1())


def test_optional_parameter_reaches_direct_callers_only():
    head = replace(
        BASE, f"{CATALOG}/search.py",
        "def find_book(title: str, include_archived: bool = False) -> Book | None:",
        "def find_book(title: str, include_archived: bool = False, *, exact: bool = False)"
        " -> Book | None:",
    )
    report = run(head, ("catalog.search:find_book", ChangeKind.PARAMETER_ADDED, False,
                        f"{CATALOG}/search.py", 12, "exact"))
    assert table(report) == {
        "storefront.api": (1, True), "orders.cart": (1, False), "test_search": (1, False),
    }
    assert not any(a.breaking for a in report.affected)


def test_decorated_method_change_reaches_callers_of_the_decorated_name():
    # OrderService.cancel is wrapped by @audited: callers run the wrapper, but they name
    # cancel, and a new required parameter of cancel breaks them.
    head = replace(BASE, f"{ORDERS}/service.py", "def cancel(self, order_id: int)",
                   "def cancel(self, order_id: int, reason: str)")
    report = run(head, ("orders.service:OrderService.cancel", ChangeKind.PARAMETER_ADDED, True,
                        f"{ORDERS}/service.py", 44, "reason"))
    test_orders = next(a for a in report.affected if a.module == "test_orders")
    assert test_orders.depth == 1
    assert test_orders.breaking


def test_a_test_module_belongs_to_the_package_whose_folder_holds_it():
    head = replace(BASE, f"{CATALOG}/models.py", "def in_category", "def in_category")
    report = run(head, ("catalog.models:Book.in_category", ChangeKind.BODY_CHANGED, False,
                        f"{CATALOG}/models.py", 27, ""))
    found = {a.module: (a.package, a.crosses_package) for a in report.affected}
    # packages/catalog/tests/test_models.py: catalog's own test, not another package
    assert found["test_models"] == ("catalog", False)


def test_a_root_tests_folder_is_a_package_of_its_own_and_ranks_below_library_code():
    report = s1()
    found = {a.module: (a.package, a.crosses_package) for a in report.affected}
    assert found["test_search"] == ("tests", True)
    assert found["storefront.api"] == ("storefront", True)
    assert found["orders.cart"] == ("orders", True)
    # at equal score a library module ranks above a test module
    order = [a.module for a in report.affected]
    assert order.index("orders.cart") < order.index("test_search")
