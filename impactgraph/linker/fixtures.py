"""pytest's fixture lookup over every summary (the roots ``impactgraph.indexer.pytest_model``
describes): which fixture function a parameter name means for a test, and which ``autouse``
fixtures run before it.

Lookup order, nearest first: the test's class (and its bases), the test's module, every
``conftest.py`` from the module's folder up to the repository root, then the modules those
files list in ``pytest_plugins``. The nearest fixture of a name overrides farther ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from impactgraph.expressions import ModuleRoot
from impactgraph.indexer.plain import BUILTIN_FIXTURES, decorator_base
from impactgraph.linker.values import Ext, Sym, Value

if TYPE_CHECKING:
    from impactgraph.linker.resolve import Resolver


def lookup_order(module: str, path: str | None, module_at: Mapping[str, str],
                 listed_plugins: Callable[[str], Iterable[str]]) -> list[str]:
    """Where pytest looks a fixture name up for the tests of ``module`` (at ``path``), past
    their classes: ``module``, every ``conftest.py`` from its folder up to the repository root
    (``module_at``: path -> module), then the modules those list in ``pytest_plugins``
    (``listed_plugins``), and the plugins those list in turn."""
    order = [module]
    if path is not None:
        folder = PurePosixPath(path).parent
        while True:
            found = module_at.get(str(folder / "conftest.py"))
            if found is not None and found not in order:
                order.append(found)
            if folder == folder.parent:
                break
            folder = folder.parent
    position = 0
    while position < len(order):  # plugins may list plugins of their own
        for plugin in listed_plugins(order[position]):
            if plugin not in order:
                order.append(plugin)
        position += 1
    return order


class FixtureIndex:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.by_path = {summary.path: module for module, summary in resolver.modules.items()}
        self.orders: dict[str, list[str]] = {}

    def lookup_order(self, module: str) -> list[str]:
        """``module``, its conftest files outwards, then the plugin modules they list."""
        cached = self.orders.get(module)
        if cached is None:
            summary = self.resolver.modules.get(module)
            cached = lookup_order(module, summary.path if summary is not None else None,
                                  self.by_path, self.listed_plugins)
            self.orders[module] = cached
        return cached

    def listed_plugins(self, module: str) -> list[str]:
        """The modules of ours ``module`` lists in ``pytest_plugins``."""
        found = []
        for expr in self.resolver.bindings.get(f"v:{module}:|<pytest_plugins>", ()):
            root = self.resolver.root(expr[0])  # a module the conftest lists (``m:``)
            if isinstance(root, ModuleRoot):
                plugin = self.plugin_module(root.dotted)
                if plugin is not None:
                    found.append(plugin)
        return found

    def plugin_module(self, dotted: str) -> str | None:
        """The module ``pytest_plugins`` names: by its import name, else by the file that
        name means from the repository root (``tests.helpers.db`` when ``tests/`` has no
        ``__init__.py`` and the module is called ``helpers.db`` here)."""
        return self.resolver.module_named(dotted)

    def class_levels(self, module: str, class_qual: str) -> list[str]:
        if not class_qual:
            return []
        return self.resolver.mro(f"{module}:{class_qual}")

    def subclass_locations(self, module: str, class_qual: str) -> list[str]:
        """``<module>:<class>`` of every subclass of a test class: pytest runs the tests a
        class inherits under each subclass, with the subclass's fixtures (its class, module and
        conftest files) in place of the base's, so a fixture the base asks for may be any of
        theirs (itsdangerous: ``TestTimedSerializer(FreezeMixin, TestSerializer)`` overrides
        the method fixture ``serializer_factory`` that ``TestSerializer.serializer`` calls)."""
        if not class_qual:
            return []
        return self.resolver.implementations(f"{module}:{class_qual}")

    def fixtures(self, location: str, name: str) -> set[Value]:
        """The fixture functions ``name`` means at ``<module>:<class>`` (``^<name>``: past
        that scope), or the outside class of one of pytest's own fixtures."""
        module, _, class_qual = location.partition(":")
        found = self._fixtures(module, class_qual, name)
        if not name.startswith("^"):
            for subclass in self.subclass_locations(module, class_qual):
                sub_module, _, sub_qual = subclass.partition(":")
                found |= self._fixtures(sub_module, sub_qual, name)
        return found

    def _fixtures(self, module: str, class_qual: str, name: str) -> set[Value]:
        up = name.startswith("^")
        name = name.lstrip("^")
        classes = self.class_levels(module, class_qual)
        modules = self.lookup_order(module)
        if up:
            if classes:
                classes = []
            else:
                modules = modules[1:]
        for cls in classes:
            key = f"v:{cls}|<fixture:{name}>"
            if key in self.resolver.bindings:
                return set(self.resolver.resolve((key,)))
        for candidate in modules:
            key = f"v:{candidate}:|<fixture:{name}>"
            if key in self.resolver.bindings:
                return set(self.resolver.resolve((key,)))
            imported: set[Value] = {  # ``from .helpers import db`` in a conftest
                value for value in self.resolver.module_attribute(candidate, name)
                if isinstance(value, Sym) and self.is_fixture(value.symbol)
            }
            if imported:
                return imported
        if name in BUILTIN_FIXTURES:
            return {Ext(BUILTIN_FIXTURES[name])}
        return set()

    def autouse(self, location: str) -> set[Value]:
        """``<module>:<class>``: every autouse fixture visible from there."""
        module, _, class_qual = location.partition(":")
        keys = [f"v:{cls}|<autouse>" for cls in self.class_levels(module, class_qual)]
        keys += [f"v:{m}:|<autouse>" for m in self.lookup_order(module)]
        for subclass in self.subclass_locations(module, class_qual):  # inherited tests
            sub_module, _, sub_qual = subclass.partition(":")
            keys += [f"v:{cls}|<autouse>" for cls in self.class_levels(sub_module, sub_qual)]
            keys += [f"v:{m}:|<autouse>" for m in self.lookup_order(sub_module)]
        found: set[Value] = set()
        for key in keys:
            if key in self.resolver.bindings:
                found |= self.resolver.resolve((key,))
        return found

    def is_fixture(self, symbol: str) -> bool:
        definition = self.resolver.definitions.get(symbol)
        return definition is not None and any(
            decorator_base(d).rsplit(".", 1)[-1] in ("fixture", "yield_fixture")
            for d in definition.decorators
        )
