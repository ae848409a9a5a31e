"""A module loaded by a name computed at run time whose start is a constant
(``import_module(f"pkg.plugins.{name}")``, marko's extensions) is one of the modules of ours
under that prefix: calls on it reach their functions, and what those return flows on. A name
with no constant package part (``import_module(name)``, ``"%s.base" % name``) stays unknown."""

from __future__ import annotations

import pytest
from helpers import graph_of

PLUGINS = {
    "pkg/__init__.py": "",
    "pkg/plugins/__init__.py": "",
    "pkg/plugins/shout.py": "def make_plugin():\n    return 1\n",
    "pkg/plugins/quiet.py": "def make_plugin():\n    return 2\n",
    "pkg/other.py": "def make_plugin():\n    return 3\n",
}


def _callees(graph, caller: str) -> set[str]:
    return {target for target, kind in graph.successors(caller) if kind == "calls"}


@pytest.mark.parametrize("spelling", [
    'importlib.import_module(f"pkg.plugins.{name}")',
    'importlib.import_module("pkg.plugins." + name)',
    'importlib.import_module("pkg.plugins.%s" % name)',
    'importlib.import_module("pkg.plugins.{}".format(name))',
    'importlib.import_module(f".plugins.{name}", __package__)',
    'importlib.import_module("." + name, "pkg.plugins")',
])
def test_a_computed_name_with_a_constant_package_loads_a_module_under_it(spelling) -> None:
    source = f"import importlib\n\n\ndef load(name):\n    return {spelling}.make_plugin()\n"
    graph = graph_of({**PLUGINS, "pkg/loader.py": source})
    assert _callees(graph, "pkg.loader:load") == {
        "pkg.plugins.shout:make_plugin", "pkg.plugins.quiet:make_plugin"}
    assert "pkg.loader:load" not in {caller for caller, _ in graph.unresolved_sites}


@pytest.mark.parametrize("spelling", [
    "importlib.import_module(name)",
    'importlib.import_module("%s.plugins" % name)',
    'importlib.import_module(f"{name}.plugins")',
    'importlib.import_module("nowhere.plugins." + name)',  # no module of ours there
    'importlib.import_module("pk" + name)',  # not a package's name
])
def test_a_name_without_a_known_package_stays_unknown(spelling) -> None:
    source = f"import importlib\n\n\ndef load(name):\n    return {spelling}.make_plugin()\n"
    graph = graph_of({**PLUGINS, "pkg/loader.py": source})
    assert _callees(graph, "pkg.loader:load") == set()
    assert "make_plugin" in graph.unresolved_names["pkg.loader:load"]
