"""``impactgraph tests`` on a pytest plugin the project declares (a ``pytest11`` entry point):
pytest loads it in every test process of an environment the project is installed in, so its
hooks run for every test file, and for the runs ``pytester`` makes in process, though no test
imports it.

typeguard 4.4 declares ``typeguard = "typeguard._pytest_plugin"``; the plugin's
``pytest_configure`` installs an import hook that instruments code with typeguard's
transformer. tests/test_pytest_plugin.py runs pytest through ``pytester`` with the plugin and
failed when the transformer changed, but was not selected: nothing of the test reaches the
plugin's hooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

PLUGIN = """
    from shop.hook import install


    def pytest_configure(config):
        install(config.getini("shop-packages"))


    def pytest_addoption(parser):
        parser.addini("shop-packages", "packages to check")
"""
FILES = {
    "shop/__init__.py": "",
    "shop/plugin.py": PLUGIN,
    "shop/hook.py": """
        INSTALLED = []


        def install(packages):
            INSTALLED.append(packages)
    """,
    "shop/pricing.py": """
        def total(items):
            return sum(items)
    """,
    "tests/test_plugin.py": """
        def test_runs_with_the_plugin(pytester):
            pytester.makepyfile("def test_x():\\n    pass\\n")
            pytester.plugins = ["shop"]
            pytester.runpytest().assert_outcomes(passed=1)
    """,
    "tests/test_pricing.py": """
        from shop.pricing import total


        def test_total():
            assert total([1, 2]) == 3
    """,
}
ALL = ["tests/test_plugin.py", "tests/test_pricing.py"]
CHANGED_HOOK = {"shop/hook.py": "INSTALLED = []\n\n\ndef install(packages, strict):\n"
                                "    INSTALLED.append(packages)\n"}


@pytest.mark.parametrize("declaration", [
    {"pyproject.toml": '[project]\nname = "shop"\nversion = "1"\n\n'
                       '[project.entry-points.pytest11]\nshop = "shop.plugin"\n'},
    {"pyproject.toml": '[project]\nname = "shop"\nversion = "1"\n'
                       'entry-points = {pytest11 = {shop = "shop.plugin:main"}}\n'},
    {"pyproject.toml": '[tool.poetry]\nname = "shop"\n\n'
                       '[tool.poetry.plugins."pytest11"]\n"shop" = "shop.plugin"\n'},
    {"setup.cfg": "[metadata]\nname = shop\n\n[options.entry_points]\n"
                  "pytest11 =\n    shop = shop.plugin\n"},
    {"setup.py": "from setuptools import setup\n\n"
                 "setup(name='shop', entry_points={'pytest11': ['shop = shop.plugin']})\n"},
], ids=["pep621", "pep621-inline", "poetry", "setup-cfg", "setup-py"])
def test_what_a_declared_plugin_reaches_selects_every_test(
    tmp_path: Path, declaration: dict[str, str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {**FILES, **declaration}, message="base", tag="base")
    commit(root, CHANGED_HOOK)
    assert selected_tests(root) == ALL


def test_without_the_declaration_the_plugin_selects_nothing(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {**FILES, "pyproject.toml": '[project]\nname = "shop"\nversion = "1"\n'},
           message="base", tag="base")
    commit(root, CHANGED_HOOK)
    assert selected_tests(root) == []


def test_code_the_plugin_does_not_reach_selects_as_before(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {**FILES, "setup.cfg": "[options.entry_points]\npytest11 =\n"
                                        "    shop = shop.plugin\n"},
           message="base", tag="base")
    commit(root, {"shop/pricing.py": "def total(items):\n    return sum(items) + 0\n"})
    assert selected_tests(root) == ["tests/test_pricing.py"]
