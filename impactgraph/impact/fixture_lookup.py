"""Which test files run a fixture definition, by pytest's lookup
(https://docs.pytest.org/en/stable/reference/fixtures.html), read from one revision's summaries.

pytest resolves every fixture name of a test's closure from the test: its class (and the
classes it is in or inherits from), its module, the ``conftest.py`` files from its folder up,
then the plugins they list (``impactgraph.linker.fixtures.lookup_order``); the nearest
definition wins. A fixture farther out asking for a name gets the one nearest to the test too
(a ``client(app)`` of ``tests/conftest.py`` gets the ``app`` of ``tests/api/conftest.py`` for a
test in ``tests/api/``); a fixture asking for its own name (``def env(env)``) gets the next
definition past its own. A fixture defined in a test module is seen only there. So a test
file runs a fixture definition only if one of its requests leads there, level by level, from
that file's own places: a test module's override of ``env`` that asks for ``package_loader``
does not make every other module's ``env`` run ``package_loader``.

Where the picture is unsure the answer errs towards running: the classes a test class is in
or inherits from count as one level (whichever of them defines a name), a class's requests go
with its subclasses' files, a level whose file does not parse may define anything, and a name
none of our files defines and pytest does not itself (an outside plugin's fixture) may ask
for any name visible from the test.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from impactgraph.expressions import AutouseRoot, FixtureRoot, ModuleRoot, SymbolRoot, parse_root
from impactgraph.indexer.plain import BUILTIN_FIXTURES
from impactgraph.linker import CodeGraph
from impactgraph.linker.fixtures import lookup_order
from impactgraph.model import EdgeKind, FileSummary, SymbolKind

_FIXTURE_KEY = "<fixture:"
_AUTOUSE = "<autouse>"


@dataclass(frozen=True, slots=True)
class Request:
    """A fixture name asked for by a test (or fixture) at ``location`` (``<module>:<class>``);
    ``up``: a fixture asking for its own name (looked up past its own level); ``written``:
    pytest asks for it (a parameter it fills, ``usefixtures``, ``getfixturevalue``), not just a
    parameter of a function that may be called otherwise."""

    location: str
    name: str
    up: bool = False
    written: bool = True


@dataclass(frozen=True, slots=True)
class Wanted:
    """The fixture ``names`` of ``module``: a test runs what they mean there when its lookup
    of one of them reaches that module's level (defined there now or, if gone, before)."""

    module: str
    names: frozenset[str]


# a level of the lookup: the scopes it holds (``<module>:<class>``), its module ("" for classes)
Level = tuple[tuple[str, ...], str]


class FixtureLookup:
    def __init__(self, graph: CodeGraph, by_path: Mapping[str, str]) -> None:
        """``by_path``: path -> module of the graph's summaries."""
        self.graph = graph
        self.by_path = by_path
        self.paths = {module: path for path, module in by_path.items()}
        self.levels: Callable[[str], tuple[Level, ...]] = cache(self._levels)
        self.own: Callable[[str], dict[str, frozenset[str]]] = cache(self._own)
        self.defined: Callable[[str], dict[str, frozenset[str]]] = cache(self._defined)
        self.requests: Callable[[str], tuple[Request, ...]] = cache(self._requests)
        # per module, read once: the fixtures each scope binds, the requests pytest makes
        self.fixtures: Callable[[str], dict[str, dict[str, frozenset[str]]]] = cache(
            self._fixtures)
        self.implicit: Callable[[str], tuple[tuple[str, Request], ...]] = cache(self._implicit)
        self.plugins: Callable[[str], tuple[str, ...]] = cache(self._plugins)

    def summary(self, module: str) -> FileSummary | None:
        return self.graph.summaries.get(module)

    # -- what a test file asks for ------------------------------------------------------------
    def file_requests(self, module: str) -> dict[str, list[Request]]:
        """Every place of ``module`` a test may run from (``<module>:<class>``) -> what is
        asked for there: its functions' parameters, the requests pytest makes for its code,
        and what the classes of other modules it inherits from ask for."""
        found: dict[str, list[Request]] = {f"{module}:": []}
        summary = self.summary(module)
        if summary is None:
            return found
        classes = {d.qualname for d in summary.definitions if d.kind is SymbolKind.CLASS}
        found.update((f"{module}:{qual}", []) for qual in sorted(classes))
        for _, request in self.implicit(module):
            found.setdefault(request.location, []).append(request)
        for definition in summary.definitions:
            if definition.signature is not None:
                owner = definition.qualname.rpartition(".")[0]
                location = f"{module}:{owner if owner in classes else ''}"
                found.setdefault(location, []).extend(
                    Request(location, p.name, written=False)
                    for p in definition.signature.parameters)
        for location, requests in found.items():
            for base in self._classes(location)[1:]:
                base_module, _, base_qual = base.partition(":")
                base_summary = self.summary(base_module)
                if base_summary is None or base_summary.module == module:
                    continue  # a class of this module: its members' requests are in already
                inside = _within(base)
                requests += [Request(location, r.name, r.up, r.written)
                             for scope, r in self.implicit(base_module) if inside(scope)]
                # and its methods' parameters, as for this module's own: a base pytest does
                # not collect by itself (rfc3986's tests/base.py ``BaseTestParsesURIs``) has
                # no requests of pytest's, and yet the subclass runs its ``test_*`` methods
                requests += [Request(location, p.name, written=False)
                             for definition in base_summary.definitions
                             if definition.signature is not None
                             and definition.qualname.rpartition(".")[0] == base_qual
                             for p in definition.signature.parameters]
        return found

    def runs(self, location: str, roots: Iterable[Request], wanted: Wanted) -> set[str]:
        """The names through which a test at ``location`` runs what ``wanted`` means: those
        of ``roots`` and of the autouse fixtures in its scope that lead there, directly or
        through the fixtures they request."""
        levels = self.levels(location)
        if any(s is None or s.error for _, m in levels if m for s in [self.summary(m)]):
            return set(wanted.names)  # a level we cannot read may define any name
        at = next((i for i, (_, module) in enumerate(levels) if module == wanted.module),
                  len(levels))  # not in its lookup (a plugin listed otherwise): last
        hits: set[str] = set()
        for root in roots:
            if self._leads(location, levels, at, wanted, [(None, root)]):
                hits.add(root.name)
        for index, (scopes, _) in enumerate(levels):
            for scope in scopes:
                autouse = self.own(scope).get(_AUTOUSE, frozenset())
                for name, symbols in self.own(scope).items() if autouse else ():
                    for symbol in symbols & autouse if name != _AUTOUSE else ():
                        if (index == at and name in wanted.names) or self._leads(
                                location, levels, at, wanted,
                                [(index, r) for r in self.requests(symbol)]):
                            hits.add(name)
        return hits

    # -- pytest's lookup -----------------------------------------------------------------------
    def _leads(self, location: str, levels: tuple[Level, ...], at: int, wanted: Wanted,
               start: list[tuple[int | None, Request]]) -> bool:
        queue = deque(start)
        seen: set[tuple[int | None, Request]] = set()
        expanded: set[tuple[int, str]] = set()
        while queue:
            item = queue.popleft()
            if item in seen:
                continue
            seen.add(item)
            index, request = item
            found = self._resolve(levels, at, wanted, request, index)
            if found is True:
                return True
            if found is None:  # an outside plugin's fixture: it may ask for anything
                if any(self._resolve(levels, at, wanted, Request(location, name)) is True
                       for name in wanted.names):
                    return True
                continue
            if found is False:
                continue
            level, symbols = found
            for symbol in sorted(symbols):
                if (level, symbol) not in expanded:
                    expanded.add((level, symbol))
                    queue.extend((level, r) for r in self.requests(symbol))
        return False

    def _resolve(self, levels: tuple[Level, ...], at: int, wanted: Wanted, request: Request,
                 asker: int | None = None) -> tuple[int, frozenset[str]] | bool | None:
        """Where ``request`` (made by a fixture of level ``asker``) leads: True to what
        ``wanted`` means, else (level, fixture functions); False for one of pytest's own
        fixtures or a name nobody gives, None for a name only an outside plugin can give."""
        first = asker + 1 if asker is not None and request.up else 0
        for index in range(first, len(levels) + 1):
            if index == at and request.name in wanted.names:
                return True
            if index == len(levels):
                break
            symbols: set[str] = set()
            for scope in levels[index][0]:
                symbols |= self.defined(scope).get(request.name, frozenset())
            if symbols:
                return index, frozenset(symbols)
        if request.name in BUILTIN_FIXTURES or not request.written:
            return False
        return None

    def _levels(self, location: str) -> tuple[Level, ...]:
        """Where a name is looked up for a test at ``location``, nearest first."""
        module = location.split(":", 1)[0]
        found: list[Level] = []
        if not location.endswith(":"):
            found.append((tuple(self._classes(location)), ""))
        order = lookup_order(module, self.paths.get(module), self.by_path, self.plugins)
        found += [((f"{scope}:",), scope) for scope in order]
        return tuple(found)

    def _classes(self, location: str) -> list[str]:
        """``<module>:<class>``, the classes it is defined in, and every class of ours those
        inherit from, directly or not."""
        module, _, qual = location.partition(":")
        parts = qual.split(".") if qual else []
        seen = [f"{module}:{'.'.join(parts[:n])}" for n in range(len(parts), 0, -1)]
        queue = deque(seen)
        while queue:
            for target, kind in self.graph.successors(queue.popleft()):
                if kind == EdgeKind.INHERITS and target not in seen:
                    seen.append(target)
                    queue.append(target)
        return seen

    def _plugins(self, module: str) -> tuple[str, ...]:
        """The modules ``module`` lists in ``pytest_plugins``."""
        summary = self.summary(module)
        found: list[str] = []
        for key, values in summary.bindings if summary is not None else ():
            if key == f"v:{module}:|<pytest_plugins>":
                for value in values:
                    path = plugin_path(value[0] if value else "", self.paths, self.by_path)
                    if path is not None:
                        found.append(self.by_path[path])
        return tuple(found)

    def _own(self, scope: str) -> dict[str, frozenset[str]]:
        return self.fixtures(scope.split(":", 1)[0]).get(scope, {})

    def _fixtures(self, module: str) -> dict[str, dict[str, frozenset[str]]]:
        summary = self.summary(module)
        return _fixtures_by_scope(summary) if summary is not None else {}

    def _implicit(self, module: str) -> tuple[tuple[str, Request], ...]:
        """(scope of the code, request) for every request pytest makes for ``module``'s code."""
        summary = self.summary(module)
        return tuple(_requests_in(summary)) if summary is not None else ()

    def _defined(self, scope: str) -> dict[str, frozenset[str]]:
        """Fixture name -> the fixture functions ``<module>:<class>`` holds under it: its own,
        and (at module level) those it imports (``from .helpers import db``, ``*``);
        ``<autouse>``: its own autouse ones."""
        module = scope.split(":", 1)[0]
        summary = self.summary(module)
        if summary is None:
            return {}
        found = {name: set(symbols) for name, symbols in self.own(scope).items()}
        for binding in summary.imports if scope.endswith(":") else ():
            if binding.scope != module:
                continue
            if binding.name == "*":
                for name, symbols in self.own(f"{binding.target}:").items():
                    if not name.startswith(("_", "<")):
                        found.setdefault(name, set()).update(symbols)
                continue
            source, _, attribute = binding.target.rpartition(".")
            symbol = f"{source}:{attribute}"
            if any(symbol in symbols for name, symbols in self.own(f"{source}:").items()
                   if name != _AUTOUSE):
                found.setdefault(binding.name, set()).add(symbol)
        return {name: frozenset(symbols) for name, symbols in found.items()}

    def _requests(self, symbol: str) -> tuple[Request, ...]:
        """What fixture function ``symbol`` asks for (code nested in it too)."""
        module, _, qual = symbol.partition(":")
        summary = self.summary(module)
        if summary is None:
            return ()
        owner = qual.rpartition(".")[0]
        names = {name for name, symbols in self.own(f"{module}:{owner}").items()
                 if symbol in symbols}
        inside = _within(symbol)
        found = [request for scope, request in self.implicit(module) if inside(scope)]
        for definition in summary.definitions:
            if definition.qualname == qual and definition.signature is not None:
                found += [Request(f"{module}:{owner}", p.name, p.name in names, written=False)
                          for p in definition.signature.parameters]
        return tuple(found)


def plugin_path(expr: str, modules: Mapping[str, str], by_path: Mapping[str, object]
                ) -> str | None:
    """The path of the module a ``pytest_plugins`` entry names (``modules``: module -> path):
    by its import name, else by the file that name means from the repository root."""
    root = parse_root(expr) if expr else None
    if not isinstance(root, ModuleRoot):
        return None
    if root.dotted in modules:
        return modules[root.dotted]
    path = root.dotted.replace(".", "/")
    return next((c for c in (f"{path}.py", f"{path}/__init__.py") if c in by_path), None)


def fixture_functions(summary: FileSummary) -> frozenset[str]:
    """The fixture functions of ``summary`` (``autouse`` ones too), whatever their scope."""
    return frozenset(symbol for names in _fixtures_by_scope(summary).values()
                     for symbols in names.values() for symbol in symbols)


def _fixtures_by_scope(summary: FileSummary) -> dict[str, dict[str, frozenset[str]]]:
    """Scope (``<module>:<class>``) -> fixture name (``<autouse>``: the autouse ones) -> the
    fixture functions that scope of ``summary`` binds under it."""
    found: dict[str, dict[str, set[str]]] = {}
    for key, values in summary.bindings:
        if not key.startswith("v:"):
            continue
        scope, bar, name = key[2:].partition("|")
        if not bar:
            continue
        if name.startswith(_FIXTURE_KEY) and name.endswith(">"):
            name = name[len(_FIXTURE_KEY):-1]
        elif name != _AUTOUSE:
            continue
        found.setdefault(scope, {}).setdefault(name, set()).update(_symbols(values))
    return {scope: {name: frozenset(symbols) for name, symbols in names.items()}
            for scope, names in found.items()}


def _requests_in(summary: FileSummary) -> Iterator[tuple[str, Request]]:
    """(scope of the code, request) for the requests pytest makes for the code of
    ``summary``."""
    for call in summary.calls:
        if call.implicit:
            for expr in call.callee:
                root = parse_root(expr[0]) if expr else None
                if isinstance(root, FixtureRoot):
                    name = root.name
                    yield call.scope, Request(root.location, name.lstrip("^"),
                                              name.startswith("^"))
                elif isinstance(root, AutouseRoot):
                    continue  # FixtureLookup.runs: the autouse fixtures of every level


def _within(symbol: str) -> Callable[[str], bool]:
    """Accepts the scopes of ``symbol`` and the code nested in it."""
    return lambda scope: scope == symbol or scope.startswith(symbol + ".")


def _symbols(values: Iterable[tuple[str, ...]]) -> set[str]:
    roots = (parse_root(v[0]) for v in values if len(v) == 1)
    return {root.symbol for root in roots if isinstance(root, SymbolRoot)}
