"""Which test files an affected or changed ``conftest.py`` reaches: fixture-precise when it can
vouch for it, its whole folder otherwise.

pytest runs a conftest's module code at collection, its hooks (``pytest_configure``,
``pytest_collection_modifyitems``, ``pytest_generate_tests``, ...) for every test, and its
``autouse`` fixtures for every test in its folder. An ordinary fixture runs only for the tests
that request it: by parameter name, through another fixture, ``@pytest.mark.usefixtures``,
``pytestmark`` or ``request.getfixturevalue("name")``. So when everything the change reaches
(or changed) in a conftest is inside ordinary fixtures, the tests under its folder that request
one of them by name, directly or through fixtures that request them, are the ones it can break.
Anything else falls back to the folder: module-level code or imports, hooks, helpers, autouse
fixtures, a ``getfixturevalue`` whose name is not a constant (it may ask for any fixture), a
conftest that is new, deleted or does not parse.

Requests follow pytest's lookup from each test (``impactgraph.impact.fixture_lookup``): a test
module's own override of a name hides the conftest's there only, a fixture in a conftest
further up asks for a name from the requesting test's place (a nearer override wins), and a
test pytest collects under a custom ``python_functions`` pattern still names its fixtures as
parameters (every function's parameters count).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from impactgraph.expressions import FixtureRoot, SymbolRoot, parse_root
from impactgraph.impact.by_path import SummariesByPath
from impactgraph.impact.fixture_lookup import FixtureLookup, Wanted, plugin_path
from impactgraph.linker import CodeGraph
from impactgraph.model import CallSite, Definition, FileSummary

CONFTEST = "conftest.py"
_FIXTURE_KEY = "<fixture:"


class ConftestScope:
    def __init__(self, graphs: Sequence[CodeGraph]) -> None:
        # by path, decoded as read: most questions are about one conftest or one folder
        self.base: Mapping[str, FileSummary] = {}
        self.head = SummariesByPath(graphs[-1] if graphs else CodeGraph())
        self.head_graph = graphs[-1] if graphs else CodeGraph()
        for graph in graphs[:1]:
            self.base = SummariesByPath(graph)
        self._lookup: FixtureLookup | None = None

    # -- what a conftest contributes ----------------------------------------------------------
    def reached_fixtures(self, path: str, reached: Iterable[str]) -> set[str] | None:
        """The fixture names through which the reached symbols of conftest ``path`` act, or
        None when something else of it is reached (its module code, a hook, a helper, an
        autouse fixture)."""
        summaries = [s for s in (self.base.get(path), self.head.get(path)) if s is not None]
        if not summaries or any(s.error for s in summaries):
            return None
        module = summaries[-1].module
        fixtures, autouse = _fixtures(summaries)
        names: set[str] = set()
        for node in reached:
            if node == module:
                return None  # module-level code: runs when pytest imports the conftest
            if not node.startswith(module + ":"):
                continue
            top = f"{module}:{node.split(':', 1)[1].split('.', 1)[0]}"
            if top in autouse or top not in fixtures:
                return None
            names |= fixtures[top]
        return names

    def changed_fixtures(self, path: str) -> set[str] | None:
        """The fixture names whose definitions differ between the revisions of conftest
        ``path``, or None when anything else in it differs (or it is new, gone, unparsable)."""
        old, new = self.base.get(path), self.head.get(path)
        if old is None or new is None or old.error or new.error or old.module != new.module:
            return None
        fixtures, autouse = _fixtures([old, new])
        if autouse & fixtures.keys() and _definitions(old, set(autouse)) != _definitions(
                new, set(autouse)):
            return None
        if _outside(old, fixtures) != _outside(new, fixtures):
            return None
        before, after = _definitions(old, set(fixtures)), _definitions(new, set(fixtures))
        names: set[str] = set()
        for symbol in fixtures:
            if before.get(symbol) != after.get(symbol):
                if symbol in autouse:
                    return None
                names |= fixtures[symbol]
        return names

    # -- who asks for it ----------------------------------------------------------------------
    def requesters(self, path: str, folder: str, names: set[str], test_files: Iterable[str]
                   ) -> dict[str, set[str]] | None:
        """Test files under ``folder`` -> the names through which they run the fixtures
        ``names`` of ``path`` (a conftest, or a plugin module one lists), by pytest's lookup
        from each test (``impactgraph.impact.fixture_lookup``); None when a
        ``getfixturevalue`` in reach of the folder has a name that is not a constant, or
        ``path`` is gone."""
        prefix = "" if folder in ("", ".") else folder.rstrip("/") + "/"
        visible = [self.head[p] for p in sorted(self.head)
                   if p.startswith(prefix) or _is_ancestor_conftest(p, folder)]
        if any(_dynamic_fixture_request(s) for s in visible) or path not in self.head:
            return None
        wanted = Wanted(self.head[path].module, frozenset(names))
        lookup = self.lookup
        found: dict[str, set[str]] = {}
        for test_path in test_files:
            test = self.head.get(test_path)
            if not test_path.startswith(prefix):
                continue
            if test is None or test.error:
                found[test_path] = set(names)  # cannot tell what it asks for: keep it
                continue
            asked: set[str] = set()
            for location, requests in lookup.file_requests(test.module).items():
                asked |= lookup.runs(location, requests, wanted)
            if asked:
                found[test_path] = asked
        return found

    @property
    def lookup(self) -> FixtureLookup:
        if self._lookup is None:
            self._lookup = FixtureLookup(self.head_graph, self.head.modules)
        return self._lookup


def plugin_folders(graphs: Sequence[CodeGraph]) -> dict[str, set[str]]:
    """The path of every module of ours that a ``conftest.py`` lists in ``pytest_plugins``
    (either revision) -> the folders of the conftest files that list it, directly or through
    plugins that list it in turn. pytest imports such a module as it imports the conftest:
    its module code runs at start-up, its hooks for every test, its fixtures are there for
    the tests under the conftest's folder, so a change to it selects what a change to that
    conftest would (a root conftest's plugin: every test)."""
    found: dict[str, set[str]] = {}
    for graph in graphs:
        by_path = SummariesByPath(graph)
        modules = {module: path for path, module in by_path.modules.items()}
        # the name after the last slash (a path object per module cost 0.1 s on 10,000)
        queue = [(path, _folder_of(path)) for path in by_path
                 if path.rpartition("/")[2] == CONFTEST]
        while queue:
            path, folder = queue.pop()
            summary = by_path[path]
            for key, values in summary.bindings:
                if key != f"v:{summary.module}:|<pytest_plugins>":
                    continue
                for value in values:
                    plugin = plugin_path(value[0] if value else "", modules, by_path)
                    if plugin is None or folder in found.setdefault(plugin, set()):
                        continue
                    found[plugin].add(folder)
                    queue.append((plugin, folder))  # the plugins it lists in turn
    return found


def _folder_of(path: str) -> str:
    parent = str(PurePosixPath(path).parent)
    return "" if parent == "." else parent


def _is_ancestor_conftest(path: str, folder: str) -> bool:
    """A conftest in ``folder`` or a folder above it: its fixtures are visible there."""
    candidate = PurePosixPath(path)
    if candidate.name != CONFTEST:
        return False
    parent = str(candidate.parent)
    return parent in ("", ".") or folder == parent or folder.startswith(parent + "/")


def _fixtures(summaries: Iterable[FileSummary]) -> tuple[dict[str, set[str]], set[str]]:
    """Module-level fixture functions -> the names tests ask for them by; the autouse ones."""
    fixtures: dict[str, set[str]] = {}
    autouse: set[str] = set()
    for summary in summaries:
        scope = f"v:{summary.module}:|"
        for key, values in summary.bindings:
            if not key.startswith(scope):
                continue
            name = key[len(scope):]
            roots = (parse_root(v[0]) for v in values if len(v) == 1)
            symbols = {root.symbol for root in roots if isinstance(root, SymbolRoot)}
            if name.startswith(_FIXTURE_KEY) and name.endswith(">"):
                for symbol in symbols:
                    fixtures.setdefault(symbol, set()).add(name[len(_FIXTURE_KEY):-1])
            elif name == "<autouse>":
                autouse |= symbols
    return fixtures, autouse


def _top(summary: FileSummary, qualname: str) -> str:
    return f"{summary.module}:{qualname.split('.', 1)[0]}"


def _definitions(summary: FileSummary, symbols: set[str]) -> dict[str, tuple[Definition, ...]]:
    """The definitions inside each of ``symbols`` (nested ones too), lines left out."""
    found: dict[str, list[Definition]] = {}
    for definition in summary.definitions:
        top = _top(summary, definition.qualname)
        if top in symbols:
            found.setdefault(top, []).append(replace(definition, line=0, end_line=0))
    return {k: tuple(v) for k, v in found.items()}


def _inside(scope: str, summary: FileSummary, fixtures: dict[str, set[str]]) -> bool:
    if ":" not in scope:
        return False
    return _top(summary, scope.split(":", 1)[1]) in fixtures


def _outside(summary: FileSummary, fixtures: dict[str, set[str]]) -> tuple[object, ...]:
    """Everything of the file that is not inside a fixture function, lines left out: module
    code and its calls (decorators included), imports, helpers, hooks, bindings."""
    definitions = sorted(
        (replace(d, line=0, end_line=0) for d in summary.definitions
         if _top(summary, d.qualname) not in fixtures), key=repr)
    calls = Counter(replace(c, line=0) for c in summary.calls
                    if not _inside(c.scope, summary, fixtures))
    references = Counter((r.scope, r.target) for r in summary.references
                         if not _inside(r.scope, summary, fixtures))
    imports = sorted((replace(b, line=0) for b in summary.imports
                      if not _inside(b.scope, summary, fixtures)), key=repr)
    inner = tuple(f"v:{s}" for s in fixtures)
    bindings = sorted(
        (k, v) for k, v in summary.bindings
        if not k.startswith(tuple(f"{p}|" for p in inner) + tuple(f"{p}." for p in inner)))
    return (definitions, calls, references, imports, bindings,
            sorted(summary.attribute_stores, key=repr), summary.all_names, summary.all_from,
            summary.has_getattr, summary.is_package)


def _fixture_root(expr: tuple[str, ...]) -> str | None:
    """The name of the fixture ``expr`` starts from (``f:<module>:<class>|<name>``)."""
    root = parse_root(expr[0]) if expr else None
    return root.name.lstrip("^") if isinstance(root, FixtureRoot) else None


def _dynamic_fixture_request(summary: FileSummary) -> bool:
    """``request.getfixturevalue(name)`` with ``name`` not a constant: it may ask for any
    fixture. A constant one comes with an implicit ``f:`` call at the same place."""
    constant = {(c.scope, c.line) for c in summary.calls
                if c.implicit and any(_fixture_root(e) is not None for e in c.callee)}
    return any(_is_getfixturevalue(c) and (c.scope, c.line) not in constant
               for c in summary.calls)


def _is_getfixturevalue(call: CallSite) -> bool:
    return any(e and e[-1] == ".getfixturevalue" for e in call.callee)
