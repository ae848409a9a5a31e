"""A module's package: its import package, or for test code the package whose folder holds it."""

from impactgraph.impact.packages import is_test_code, module_packages

MONOREPO = {
    "catalog": "packages/catalog/src/catalog/__init__.py",
    "catalog.models": "packages/catalog/src/catalog/models.py",
    "orders.cart": "packages/orders/src/orders/cart.py",
    "test_models": "packages/catalog/tests/test_models.py",
    "helpers": "packages/orders/tests/helpers.py",
    "test_api": "tests/test_api.py",
    "conftest": "tests/conftest.py",
    "tests.unit.test_x": "tests/unit/test_x.py",
}


def test_library_modules_keep_their_import_package():
    packages = module_packages(MONOREPO)
    assert packages["catalog.models"] == "catalog"
    assert packages["orders.cart"] == "orders"


def test_test_code_in_a_project_folder_belongs_to_its_package():
    packages = module_packages(MONOREPO)
    assert packages["test_models"] == "catalog"
    assert packages["helpers"] == "orders"  # not a test file, but beside the tests


def test_a_root_tests_folder_belongs_to_no_library_package():
    packages = module_packages(MONOREPO)
    assert {packages["test_api"], packages["conftest"], packages["tests.unit.test_x"]} == {"tests"}


def test_tests_inside_an_import_package_belong_to_it():
    packages = module_packages(
        {"shop.cart": "src/shop/cart.py", "shop.tests.test_cart": "src/shop/tests/test_cart.py"}
    )
    assert packages["shop.tests.test_cart"] == "shop"


def test_a_root_level_layout_does_not_claim_the_tests_of_the_repository():
    packages = module_packages(
        {"httpx._client": "httpx/_client.py", "test_client": "tests/client/test_client.py",
         "test_root": "test_root.py"}
    )
    assert packages["test_client"] == "tests"
    assert packages["test_root"] == "test_root"


def test_a_project_folder_with_several_packages_names_the_folder():
    packages = module_packages(
        {"a.x": "libs/both/src/a/x.py", "b.y": "libs/both/src/b/y.py",
         "test_z": "libs/both/tests/test_z.py"}
    )
    assert packages["test_z"] == "both"


def test_test_code_is_a_test_file_or_anything_under_a_tests_folder():
    assert is_test_code("pkg/test_a.py")
    assert is_test_code("tests/helpers.py")
    assert not is_test_code("pkg/testing_utils.py")
