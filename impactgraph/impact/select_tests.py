"""Which test files to run: safe first (never leave out one the change can break), then small.

Each selected file carries its reasons: the chain that reaches it, or the cause for which the
analysis could not vouch and failed open (a changed data or configuration file, a file that
does not parse, calls it could not resolve). A fail-open cause selects every test file that
could see it: the tests under a test folder for its data, the tests that import (directly or
not) the package whose folder holds a data file, every test for the configuration.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import cached_property

from impactgraph.diff.files import FileRole, PythonLayout
from impactgraph.discovery import is_test_path, starts_with_module
from impactgraph.expressions import ModuleRoot, parse_root
from impactgraph.impact import reach_bits
from impactgraph.impact.by_path import module_path
from impactgraph.impact.conftest_scope import ConftestScope, plugin_folders
from impactgraph.impact.file_texts import files_run, text_reads
from impactgraph.impact.module_state import state_reads
from impactgraph.impact.packages import is_test_code
from impactgraph.impact.process_scope import ProcessScope
from impactgraph.impact.programs import Entries, entries, members_of
from impactgraph.impact.receivers import Hierarchy
from impactgraph.indexer.plain import PROGRAM_RUNNERS
from impactgraph.linker import CodeGraph
from impactgraph.linker.graph import ANY_CALLEE
from impactgraph.linker.link import running_imports
from impactgraph.model import (
    AffectedModule,
    Change,
    ChangeKind,
    EdgeKind,
    Program,
    ProgramKind,
    SelectedTest,
    symbol_module,
)
from impactgraph.path_strings import path_name, path_parent
from impactgraph.pytest_collection import OPEN, Collection, Collections

CONFTEST = "conftest.py"


@dataclass(frozen=True, slots=True)
class TestSelection:
    tests: tuple[SelectedTest, ...] = ()
    all: bool = False  # every test file, because the analysis failed open
    all_reason: str = ""  # the first cause of that

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(t.path for t in self.tests)


# reasons kept per selected file; past these the JSON says how many more there are (Django's
# source tree and test suite gave a test file up to 25,000 reasons, 390 MB of JSON in all)
MAX_REASONS = 20


@dataclass
class _Selector:
    test_files: list[str]  # the head's test files, conftest.py excluded
    reasons: dict[str, list[str]] = field(default_factory=dict)
    all: bool = False
    all_reason: str = ""
    # the first cause the analysis failed open for where it selects the files a cause may
    # reach (a file that does not parse, a data file): when those are every test file, the
    # selection is every test file for that cause, as ``add_all``'s is (``result``)
    open_reason: str = ""
    # each file's reasons, to ask (those past MAX_REASONS by their hash), and how many of them
    # are left out
    _given: dict[str, set[str | int]] = field(default_factory=dict)
    _more: dict[str, int] = field(default_factory=dict)

    def add(self, path: str, reason: str) -> None:
        if path not in self.test_set:
            return
        given = self._given.get(path)
        if given is None:
            given = self._given[path] = set()
            self.reasons[path] = []
        if reason in given:
            return
        kept = self.reasons[path]
        if len(kept) < MAX_REASONS:
            given.add(reason)
            kept.append(reason)
            return
        key = hash(reason)
        if key not in given:
            given.add(key)
            self._more[path] = self._more.get(path, 0) + 1

    def add_folder(self, folder: str, reason: str) -> None:
        prefix = "" if folder in ("", ".") else folder.rstrip("/") + "/"
        for path in self.test_files:
            if path.startswith(prefix):
                self.add(path, reason)

    def failed_open(self, reason: str) -> None:
        """The analysis cannot vouch for a change, for ``reason``; the caller selects what
        the cause may reach."""
        if not self.open_reason:
            self.open_reason = reason

    def add_all(self, reason: str) -> None:
        if not self.all:
            self.all, self.all_reason = True, reason
        for path in self.test_files:
            self.add(path, reason)

    @cached_property
    def test_set(self) -> frozenset[str]:  # built once: add() and every rule ask it
        return frozenset(self.test_files)

    def result(self) -> TestSelection:
        every = self.all or (bool(self.open_reason) and bool(self.test_set)
                             and len(self.reasons) == len(self.test_set))
        return TestSelection(
            tuple(SelectedTest(p, (*r, *_more_reasons(self._more.get(p, 0))))
                  for p, r in sorted(self.reasons.items())),
            every, self.all_reason or (self.open_reason if every else ""),
        )


def _more_reasons(count: int) -> tuple[str, ...]:
    if not count:
        return ()
    return (f"and {count:,} more reason{'s' if count > 1 else ''}, left out",)


def chain_reason(via: Sequence[str]) -> str:
    """``calls catalog.search:find_book via storefront.api:get_book``."""
    if len(via) >= 3:
        return f"calls {via[0]} via {', '.join(via[1:-1])}"
    if via:
        return f"calls {via[0]}"
    return "affected"


def select_tests(
    affected: Iterable[AffectedModule],
    changed_paths: Iterable[str],
    head_files: Sequence[str],
    patterns: Sequence[str],
    changes: Sequence[Change] = (),
    graphs: Sequence[CodeGraph] = (),
    reached: Iterable[str] = (),
    unchanged: Set[str] = frozenset(),
    collection: Collection | Collections = OPEN,
    constraints: Mapping[str, Set[str | None]] | None = None,
    startup: Sequence[tuple[str, str, bool]] = (),
    *,
    walk: Callable[[str], Reach],
    doctest_texts: Sequence[str] = (),
    changed_texts: Set[str] = frozenset(),
    hooked_texts: Set[str] = frozenset(),
    unanalysed: Mapping[str, str] | None = None,
) -> TestSelection:
    """Test files among the affected and changed files, widened where safety needs it.

    ``graphs``: the base and head graphs (the head's unresolved calls are looked at, both
    revisions' imports tell who may read a file); ``changed_paths``: Python files whose
    content differs; ``reached``: every symbol the changes reach (seeds included);
    ``unchanged``: affected modules whose code the changes reach only where it runs as before
    (every call binds to the same parameters with the same values): they select nothing;
    ``collection``: where pytest looks for test files (``impactgraph.pytest_collection``):
    a test file no plain pytest run collects is never selected;
    ``constraints``: for a symbol of ``reached``, the classes its ``self`` was an instance of
    where the changes reach it (None among them: any class; a symbol left out: any class):
    a test method of a base test class reached only for some subclasses' ``self`` selects
    only the files of the subclasses that can be those (``impact.receivers``);
    ``startup``: (folder, module, is Django's settings) for each module pytest's configuration
    in that folder has every test process import as it starts
    (``config.PytestSettings.startup_modules``): it selects as a plugin module the folder's
    root conftest lists would, and Django's settings also for what they reach by name
    (``_startup_reach``);
    ``walk``: what a symbol of the head reaches there, walked as if its body changed: a call
    that starts a program that may run the change is followed as changed code (``_programs``);
    ``doctest_texts``: the head's text files pytest collects as doctests (``--doctest-glob``),
    ``changed_texts`` those of them that differ from the base's (``_doctest_texts``);
    ``hooked_texts``: those of them (not Python) a conftest's ``pytest_collect_file`` hook
    may make test items of instead (``pytest_collection.HookNames``);
    ``unanalysed``: the text of each unchanged file of the head that could not be analysed
    (path -> text): what it calls is unknown (``_unanalysed``).
    """
    tests = [p for p in head_files if is_test_path(p, patterns)]
    # with --doctest-modules pytest collects the other modules too, as test files of their
    # doctests (which call the module's own code): they are selected like test files
    named = set(tests)
    doctests = collection.doctest_files(p for p in head_files if p not in named)
    selector = _Selector([*collection.collected(p for p in tests if path_name(p) != CONFTEST),
                          *doctests, *doctest_texts])
    _doctest_texts(selector, doctest_texts, changed_texts, bool(changes), hooked_texts)
    shared = _Shared(graphs, frozenset(tests), startup)
    imports = shared.imports
    conftests = _Conftests(selector, shared.conftest_scope, set(reached))
    plugins = shared.plugins
    affected = list(affected)  # read twice: by _chains and by _import_affected
    _chains(selector, shared, conftests, affected, set(reached), unchanged)
    changed = list(changed_paths)
    for path in changed:
        if path_name(path) == CONFTEST:
            conftests.changed(path)
        elif path in plugins:
            for folder in plugins[path]:
                conftests.changed(path, folder)
        elif path in named:
            selector.add(path, "test file changed")
        else:
            selector.add(path, "changed: pytest runs its doctests (--doctest-modules)")
    _unparsable(selector, imports, changed, plugins)
    _unanalysed(selector, imports, unanalysed or {}, plugins, changes, reached)
    settings = [(f, m) for f, m, django in startup if django]
    _startup_reach(selector, graphs,
                   [(f, m, None) for f, m in settings + _loaded_by_conftests(graphs, plugins)]
                   + _conftest_session_hooks(graphs), changes, set(reached),
                   [m for p in changed if imports.error(p) and (m := imports.module(p))])
    _changed_files(selector, imports, changes, head_files, patterns)
    changed_modules = {c.symbol.split(":", 1)[0] for c in changes
                       if c.kind is not ChangeKind.FILE_CHANGED}
    _runner_packages(selector, changed_modules)
    _runner_calls(selector, reached)
    for graph in graphs[-1:]:  # the head: the calls that run now
        walker = shared.walker(graph, selector.test_set)
        _inherited(selector, graph, reached, constraints or {})
        _imported_hooks(selector, graph, reached)
        names = _reached_names(graph, set(reached))
        _unresolved(selector, graph, changed_modules, names)
        _unresolved_across(selector, graph, walker, changed_modules, names, imports,
                           shared.processes)
        # also where any name may reach the change (a unittest test method is an outside
        # hook: TestCase runs it): the calls asking for a name that does are this rule's
        by_name = _unresolved_by_name(selector, graph, walker, imports, reached,
                                      shared.processes)
        loaded = _import_affected(graphs, affected, changes, set(reached)) | by_name
        _loaded_by_name(selector, graph, walker, imports, loaded, patterns)
        programs = _ProgramReach(graph, shared.processes, set(reached), loaded, names,
                                 {_Packages(graph)(module) for module in changed_modules})
        _programs(selector, shared, graph, changed_modules, patterns, programs, walk)
        _text_reads(selector, shared, graph, set(changed), patterns, walk)
        _files_run(selector, shared, graph, patterns, programs, walk)
        _registered(selector, graph, walker, set(reached), shared.processes)
        _module_state(selector, graphs, walker, changes)
        _django_commands(selector, graph, walker, changes)
        for base in graphs[:-1]:  # a registered function the change removed: the base's
            gone = {s for s in reached if s not in graph}
            if gone:
                _registered(selector, base, shared.walker(base, selector.test_set), gone,
                            shared.processes)
        _gave_up(selector, graph, walker, changed_modules, names, imports)
        _unbounded(selector, graph, walker, changed_modules, imports)
        _found_at_run_time(selector, graphs, walker, reached, imports)
        _gone_unlinked(selector, graphs, reached, shared.processes)
    return selector.result()


@dataclass(frozen=True, slots=True)
class Reach:
    """What a walk from one symbol reaches (``select_tests``'s ``walk``): the affected
    modules, every symbol reached (the symbol included) and, per symbol, the classes of
    ``self`` it is reached for (``impact.receivers``)."""

    affected: tuple[AffectedModule, ...] = ()
    reached: frozenset[str] = frozenset()
    constraints: Mapping[str, Set[str | None]] = field(default_factory=dict)


class _Shared:
    """What the rules read of the revisions, built once per selection: the rules run for the
    changes and again for the calls that start programs (``_programs``)."""

    def __init__(self, graphs: Sequence[CodeGraph], tests: frozenset[str],
                 startup: Iterable[tuple[str, str, bool]] = ()) -> None:
        self.graphs = graphs
        self.imports = _ImportIndex(graphs)
        self.conftest_scope = ConftestScope(graphs)
        self.plugins = plugin_folders(graphs)
        for folder, dotted, _ in startup:  # as if the folder's root conftest listed them
            for graph in graphs:
                module = graph.imported_as(dotted)
                if module in graph.summaries:
                    self.plugins.setdefault(module_path(graph, module), set()).add(folder)
        self.unbounded = {caller: receiver for graph in graphs
                          for caller, receiver in graph.unbounded_sites}
        self.processes = ProcessScope(graphs, tests)
        self._walkers: dict[tuple[int, frozenset[str]], _Callers] = {}

    def walker(self, graph: CodeGraph, tests: frozenset[str]) -> _Callers:
        """The backward walks over ``graph`` to ``tests``, shared by every rule."""
        key = (id(graph), tests)
        if key not in self._walkers:
            self._walkers[key] = _Callers(graph, tests)
        return self._walkers[key]


def _chains(selector: _Selector, shared: _Shared, conftests: _Conftests,
            affected: Sequence[AffectedModule], reached: Set[str], unchanged: Set[str]) -> None:
    """The test files (and conftests, plugin modules) that the chains from the changes reach,
    and the tests importing a module whose import-time code they reach."""
    plugins, unbounded = shared.plugins, shared.unbounded
    for module in affected:
        if module.module in unchanged:
            continue
        reason = chain_reason(module.via)
        dynamic = [n for n in module.via[1:] if n in unbounded]
        if dynamic:  # a getattr with an unknown name on the way: it may call anything there
            reason += (f" ({_GAVE_UP} in {dynamic[0]})" if unbounded[dynamic[0]] == ANY_CALLEE
                       else f" (unbounded dynamic call in {dynamic[0]})")
        if path_name(module.path) == CONFTEST:
            conftests.affected(module.path, reason, module.breaking)
        elif module.path in plugins:
            for folder in plugins[module.path]:
                conftests.affected(module.path, reason, module.breaking, folder)
        elif (module.path in selector.test_set
              and shared.processes.may_run(module.path, module.via)):
            selector.add(module.path, reason)
    _import_time(selector, shared.graphs, affected, reached, unchanged, shared.processes)


def _import_time(
    selector: _Selector, graphs: Sequence[CodeGraph], affected: Iterable[AffectedModule],
    reached: Set[str], unchanged: Set[str], processes: ProcessScope,
) -> None:
    """A module whose import-time code (module level, class bodies, decorators applied as it
    is imported) calls what the changes reach makes its state with the changed code:
    ``TABLE = build()``. Every test whose process imports that module runs that code while
    importing and may read what it made, though none of its own calls reaches the change.
    Only chains of calls count (a module-level ``tagged = counted(base)`` that makes a
    closure referring to the changed function does not run it), and only the imports written
    as such: a module loaded by a computed name is ``_loaded_by_name``'s (taking every
    unknown import as this module would select every test of a package that imports
    anything by name: flask's ``import_string``). The head's calls are the ones that run now;
    a symbol gone from it (removed, renamed) has its callers in the base graph only, where
    its module code's calls to it are still linked (``RULES = Grammar(...)`` reaching a
    removed ``match_core``: importing the module now fails)."""
    seeds = {m.via[0] for m in affected if m.via}
    if not graphs:
        return
    head = graphs[-1]
    for graph in graphs:
        starts = seeds if graph is head else {s for s in seeds if s not in head}
        callee = _callers(graph, starts, reached)
        modules = sorted(node for node in callee if ":" not in node and node not in unchanged
                         and node in graph and graph.node(node).get("kind") == "module")
        for module in modules:
            chain = [module]  # from the module down to the change, then reversed
            while (below := callee[chain[-1]]) is not None:
                chain.append(below)
            reason = f"imports {module}, whose import-time code {chain_reason(chain[::-1])}"
            for path in processes.tests_of(processes.importing(module, selector.test_set)):
                selector.add(path, reason)


def _callers(graph: CodeGraph, seeds: Iterable[str], reached: Set[str]) -> dict[str, str | None]:
    """The seeds in ``graph`` and what calls them, directly or through functions, within
    ``reached``: each with its callee one step toward a seed (None for a seed)."""
    callee: dict[str, str | None] = {seed: None for seed in sorted(seeds) if seed in graph}
    queue = deque(callee)
    while queue:  # backwards over calls
        node = queue.popleft()
        for source, kind in graph.predecessors(node):
            if (kind == EdgeKind.CALLS and source in reached and source not in callee
                    and not _main_only(graph, source, node, kind)):
                callee[source] = node
                queue.append(source)
    return callee


# changes after which a function's own code runs otherwise
_RUNS_OTHERWISE = frozenset({ChangeKind.BODY_CHANGED, ChangeKind.PARAMETER_DEFAULT_CHANGED,
                             ChangeKind.DECORATOR_CHANGED})


def _module_state(selector: _Selector, graphs: Sequence[CodeGraph], walker: _Callers,
                  changes: Iterable[Change]) -> None:
    """Module-level state of ours that the code the changes run first writes (or wrote)
    outlives the test that ran it: every test reaching a function that reads that state may
    fail later in the same process (``impact.module_state``)."""
    changes = [c for c in changes if c.kind is not ChangeKind.FILE_CHANGED]
    seeds = {c.symbol for c in changes}
    running = {c.symbol for c in changes if c.kind in _RUNS_OTHERWISE}
    breaking = {c.symbol for c in changes if c.breaking}
    for read in state_reads(graphs, seeds, running, breaking, selector.test_set):
        reason = (f"calls {read.reader}, which reads {read.variable}: module state "
                  f"{read.writer} writes, run by {read.via}, outlives its test")
        for module in sorted(_callers_in_tests(walker, read.reader)):
            selector.add(walker.graph.path_of(module), reason)


# Decorators of the language and the standard library, and pytest's: they hand the function
# to nobody who calls it later by some other way (what they wrap is linked as calls).
_NOT_REGISTRARS = frozenset({
    "staticmethod", "classmethod", "property", "functools", "lru_cache", "cache",
    "cached_property", "wraps", "contextlib", "contextmanager", "asynccontextmanager", "abc",
    "abstractmethod", "typing", "typing_extensions", "overload", "override", "final",
    "dataclasses", "dataclass", "total_ordering", "singledispatch", "singledispatchmethod",
    "pytest", "unittest", "mock", "patch", "warnings", "deprecated", "no_type_check",
})


def _registered(selector: _Selector, graph: CodeGraph, walker: _Callers, reached: Set[str],
                processes: ProcessScope) -> None:
    """A function of ours that an outside decorator takes as its module is imported
    (``@bp.route("/")``, ``@receiver(saved)``, ``@app.task``) is registered with outside code,
    which calls it later from a call naming none of ours (``client.get("/")``): when the
    changes reach it, every test that imports its module may run it. A test imports it when
    its code reaches a function that imports the module (``create_app()`` with its
    ``from . import views``, through a fixture), or its process imports a module that does
    so in its module code."""
    # each module's decorators, read only for functions nothing of ours calls
    by_module: dict[str, dict[str, tuple[str, ...]]] = {}
    done: set[str] = set()
    # a decorator is applied by the code of the module (or class body) holding the function:
    # one that calls nothing outside (nor anything unknown) hands nothing to outside code
    outside = {caller for caller, callees in graph.external_calls.items() if callees}
    outside |= {caller for caller, _ in graph.unresolved_sites}
    for symbol in sorted(reached):
        module, _, qualname = symbol.partition(":")
        holder = symbol.rpartition(".")[0] if "." in qualname else module  # its class
        if (not qualname or module in done or holder not in outside
                or module not in graph.summaries):
            continue
        if symbol not in graph or graph.path_of(symbol) in selector.test_set or any(
                kind == EdgeKind.CALLS for _, kind in graph.predecessors(symbol)):
            continue  # a test, or called by code of ours: the walks follow those calls
        registrar = _registrar(graph, symbol, by_module)
        if registrar is None:
            continue
        done.add(module)
        reason = (f"{symbol} is handed to @{registrar} as {module} is imported: outside code "
                  "may run it in any test that imports it")
        loaders = {source for source, kind in graph.predecessors(module)
                   if kind == EdgeKind.IMPORTS}
        tests = {graph.path_of(t) for loader in sorted(loaders) if ":" in loader
                 for t in _callers_in_tests(walker, loader)}
        at_import = {loader for loader in loaders if ":" not in loader}
        importing = 0
        for loader in at_import:
            importing |= processes.importing(loader, selector.test_set)
        for path in sorted((tests & selector.test_set) | set(processes.tests_of(importing))):
            selector.add(path, reason)


def _outside_decorator(graph: CodeGraph, module: str, decorator: str,
                       decorated: Mapping[str, tuple[str, ...]]) -> bool:
    """Is ``decorator`` (its source text) something outside our code that a function is
    handed to: not the standard library's or pytest's, not a function or class of ours (the
    linker follows those) unless an outside decorator made it an outside object whose
    method this is (``@cli.command()`` below ``@click.group() def cli``), not imported from
    a module of ours? ``decorated``: the decorators of the module's decorated definitions."""
    head = decorator.split("(", 1)[0]
    root = _decorator_root(decorator)
    if not root.isidentifier() or root in _NOT_REGISTRARS:
        return False
    own = f"{module}:{root}"
    if own in graph and graph.node(own).get("kind") in ("function", "class"):
        return "." in head and any(_decorator_root(d) != root
                                   and _outside_decorator(graph, module, d, {})
                                   for d in decorated.get(root, ()))
    summary = graph.summaries[module]
    for binding in summary.imports:
        if binding.name == root and binding.scope == module:
            return not starts_with_module(graph.imported_as(binding.target), graph.summaries)
    return True  # a module-level object of ours (``bp = Blueprint(...)``), or unknown


def _decorator_root(decorator: str) -> str:
    """The name a decorator's source text starts from (``bp`` of ``bp.route("/")``)."""
    return decorator.split("(", 1)[0].split(".", 1)[0].strip()


def _main_only(graph: CodeGraph, source: str, target: str, kind: str) -> bool:
    """Is the edge one that only a module's ``if __name__ == "__main__":`` block makes? That
    code runs when the module runs as a program, never as it is imported."""
    return ":" not in source and bool(graph.edge_data(source, target, kind).get("main"))


def _in_main_block(graph: CodeGraph, symbol: str) -> bool:
    """Is ``symbol`` defined by its module's ``if __name__ == "__main__":`` block (a change
    to it does not change what importing the module does)? False when not known."""
    if ":" not in symbol or symbol not in graph:
        return False
    summary = graph.summaries.get(graph.module_of(symbol))
    if summary is None or not summary.main_blocks:
        return False
    line = graph.node(symbol).get("line", 0)
    return any(first <= line <= last for first, last in summary.main_blocks)


def _folder(path: str) -> str:
    return path_parent(path)


@dataclass
class _Conftests:
    """An affected or changed ``conftest.py`` selects the tests under its folder that request
    the fixtures concerned, or the whole folder when it is more than ordinary fixtures
    (``impactgraph.impact.conftest_scope``). A conftest whose own code breaks selects its whole
    folder, as DESIGN.md has it for every affected conftest (fixture-wise its requesters
    would do; the folder is the contract's safe side, kept where a break is certain)."""

    selector: _Selector
    scope: ConftestScope
    reached: set[str]

    def affected(self, path: str, reason: str, breaking: bool, folder: str | None = None
                 ) -> None:
        """``folder``: where its tests are, for a plugin module a conftest lists (the
        conftest's folder); a conftest's own folder by default."""
        names = None if breaking else self.scope.reached_fixtures(path, self.reached)
        self._select(path, names, f"{path} is affected: {reason}", folder)

    def changed(self, path: str, folder: str | None = None) -> None:
        self._select(path, self.scope.changed_fixtures(path), f"{path} changed", folder)

    def _select(self, path: str, names: set[str] | None, reason: str,
                folder: str | None = None) -> None:
        folder = _folder(path) if folder is None else folder
        users = None if names is None else self.scope.requesters(
            path, folder, names, self.selector.test_files)
        if users is None:
            self.selector.add_folder(folder, reason)
            return
        for test, asked in sorted(users.items()):
            fixtures = ", ".join(sorted(asked))
            self.selector.add(test, f"requests fixture {fixtures} of {reason}")


def _startup_reach(selector: _Selector, graphs: Sequence[CodeGraph],
                   startup: Iterable[tuple[str, str, tuple[str, ...] | None]],
                   changes: Sequence[Change], reached: Set[str] = frozenset(),
                   unparsable: Sequence[str] = ()) -> None:
    """Django's settings, which pytest-django loads for every test (``startup``: (folder of
    the configuration, module)), may run, in any test, what they reach: what their module
    code calls and imports, and what they name by dotted strings that the framework imports
    and runs (``ROOT_URLCONF``, whose URL patterns hold the views, which a test runs through
    ``client.get("/")``, a call that names none of them). A change there selects every test
    under the configuration's folder; so does one to a module-level value of a module they
    reach (the framework reads ``urlpatterns`` by name). So does a changed module that does
    not parse (``unparsable``) where they load it: its code, in the revision where it parses,
    is in their reach; and a function the changes reach (``reached``) that a module they
    load hands to an outside decorator (``@receiver(post_save)``: the framework runs it).
    The third of each ``startup`` entry: the module's members to start from, None for all
    (a conftest's session hooks: ``_conftest_session_hooks``)."""
    symbols = [c.symbol for c in changes if c.kind is not ChangeKind.FILE_CHANGED]
    if not symbols and not unparsable:
        return
    apps: dict[int, list[str]] = {}
    decorated: dict[int, dict[str, dict[str, tuple[str, ...]]]] = {}
    for folder, dotted, hooks in startup:
        for graph in graphs:
            module = graph.imported_as(dotted)
            if module not in graph.summaries:
                continue
            if id(graph) not in apps:
                apps[id(graph)] = _django_app_modules(graph)
            reach = _forward(graph, module, apps[id(graph)], hooks)
            for symbol in symbols:
                owner = symbol_module(symbol)
                if symbol in reach or (owner in reach and (":" not in symbol or (
                        symbol in graph and graph.node(symbol).get("kind") == "variable"))):
                    selector.add_folder(folder, f"{dotted}, which pytest loads for every "
                                                f"test, reaches {symbol}")
                    break
            loaded = {symbol_module(node) for node in reach}
            read = decorated.setdefault(id(graph), {})
            for symbol in sorted(reached):
                if (symbol_module(symbol) in loaded and symbol not in reach
                        and (registrar := _registrar(graph, symbol, read))):
                    selector.add_folder(folder, f"{dotted}, which pytest loads for every "
                                                f"test, loads {symbol_module(symbol)}, which "
                                                f"hands {symbol} to @{registrar}")
                    break
            for broken in unparsable:
                if broken in loaded:
                    selector.failed_open(f"{broken} does not parse")
                    selector.add_folder(folder, f"{dotted}, which pytest loads for every "
                                                f"test, loads {broken}, which does not parse")
                    break


# conftest hooks pytest runs once per session, before or around every test: what they reach
# may run for every test under the conftest's folder
SESSION_HOOKS = ("pytest_configure", "pytest_sessionstart", "pytest_load_initial_conftests",
                 "pytest_collection", "pytest_sessionfinish", "pytest_unconfigure")


def _conftest_session_hooks(graphs: Sequence[CodeGraph]
                            ) -> list[tuple[str, str, tuple[str, ...] | None]]:
    """(folder, module, session hooks) for each ``conftest.py`` of the head whose module code
    or session hooks name something by dotted string: they run for every test of its folder,
    and what they name runs too (``settings.configure(MIDDLEWARE=[...], ROOT_URLCONF=...)`` in
    ``pytest_configure``: Django's settings without a settings module). What else they run
    (their calls, the module code of their imports) the walks and the import-time rules
    select for already; followed from every conftest, it cost a traversal of most of the
    graph per conftest (a tree of 200 conftests each importing Django: 300 s)."""
    found: list[tuple[str, str, tuple[str, ...] | None]] = []
    for graph in graphs[-1:]:
        for module in graph.summaries:
            if path_name(module_path(graph, module)) != CONFTEST:
                continue
            hooks = [m for m in graph.members(module) if m.partition(":")[2] in SESSION_HOOKS]
            if any(graph.edge_data(node, target, kind).get("callback")
                   for node in (module, *hooks) for target, kind in graph.successors(node)
                   if kind in (EdgeKind.REFERENCES, EdgeKind.CALLS)):
                found.append((_folder(module_path(graph, module)), module, SESSION_HOOKS))
    return found


def _loaded_by_conftests(graphs: Sequence[CodeGraph], plugins: Mapping[str, Set[str]]
                         ) -> list[tuple[str, str]]:
    """(folder, module) for each module of ours a ``conftest.py``'s module code names by a
    dotted string (``os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")``
    before ``django.setup()``, an ``import_module``): loaded for every test of its folder,
    as configured settings are. ``pytest_plugins`` entries are plugins (``plugins``)."""
    found: list[tuple[str, str]] = []
    for graph in graphs[-1:]:
        for module in graph.summaries:
            path = module_path(graph, module)
            if path_name(path) != CONFTEST:
                continue
            for reference in graph.summaries[module].references:
                if not reference.by_name or reference.scope != module:
                    continue
                for expr in reference.target:  # "a.b.c": a module's root and attributes
                    root = parse_root(expr[0]) if expr else None
                    if not isinstance(root, ModuleRoot) or not all(
                            op.startswith(".") for op in expr[1:]):
                        continue
                    dotted = ".".join([root.dotted, *(op[1:] for op in expr[1:])])
                    target = graph.imported_as(dotted)
                    if target in graph.summaries and module_path(graph, target) not in plugins:
                        found.append((_folder(path), target))
    return found


def _forward(graph: CodeGraph, start: str, loaded: Iterable[str] = (),
             only: tuple[str, ...] | None = None) -> set[str]:
    """Every node the module ``start`` may run or read, the module loaded for its members:
    what its members and module code reach over the edges of ``graph``; a module named by
    a dotted string (a reference marked ``callback``: the framework imports it, as
    ``ROOT_URLCONF``) counts with all its members, as ``start``; so does a class so named
    (``MIDDLEWARE = ["shop.middleware.Audit"]``: the framework makes it and calls its
    methods, its bases' too, which nothing of ours calls). ``loaded``: what the framework
    loads besides (``_django_app_modules``). A module loaded (imported, or the module of
    something reached) runs its module code; importing a function or class runs nothing of
    it. (What the module code hands to an outside decorator may run too: ``_startup_reach``
    asks that of the functions the changes reach, so that no summary is read here.)

    ``only``: the members of ``start`` to start from (a conftest's session hooks), if not
    all. Code is then followed by what it runs: its calls, the module code of what it
    imports and what it names by dotted string; only what the framework reads as data (a
    module or class so named, a settings module: ``urlpatterns``, class attributes) counts
    with everything it refers to, as every reference of a settings module does."""
    members = graph.members(start) if only is None else [
        m for m in graph.members(start) if m.partition(":")[2] in only]
    # (node, read as data: every reference followed)
    queue = [(node, only is None) for node in (start, *members)]
    queue += [(node, False) for node in loaded]
    return {node for node, _ in _forward_walk(graph, queue)}


def _forward_walk(graph: CodeGraph, queue: list[tuple[str, bool]],
                  skip: tuple[Set[str], Set[str]] = (frozenset(), frozenset()),
                  ) -> Iterator[tuple[str, bool]]:
    """``_forward``'s walk from the states of ``queue`` ((node, read as data)): each state
    visited, as it is. ``skip``: the nodes not to visit as run and as read (a state whose
    walk is known to give nothing wanted), each kept with what its own walk reaches."""
    skip_ran, skip_read = skip
    ran: set[str] = set()
    read: set[str] = set()
    while queue:
        node, data = queue.pop()
        if node in read or (not data and node in ran):
            continue
        if node in skip_read or (not data and node in skip_ran):
            continue
        (read if data else ran).add(node)
        yield node, data
        for target, kind in graph.successors(node):
            if kind in (EdgeKind.EXPORTS, EdgeKind.OVERRIDES):
                continue  # a name re-exported, a method overridden: nothing runs
            if kind == EdgeKind.IMPORTS and ":" in target and target in graph and (
                    graph.node(target).get("kind") != "variable"):
                # importing a function or class runs nothing of it: its module is loaded
                queue.append((symbol_module(target), False))
            elif kind == EdgeKind.REFERENCES and graph.edge_data(node, target, kind).get(
                    "callback"):  # named by a dotted string: the framework imports it
                # a class so named loads its module: its module code runs
                queue.append((target, True))
                if ":" not in target:
                    queue += [(member, True) for member in graph.members(target)]
                elif held := _held_class_members(graph, target):
                    queue += [(symbol_module(target), False), *((m, True) for m in held)]
            elif data or kind != EdgeKind.REFERENCES:
                queue.append((target, data))


def _registrar(graph: CodeGraph, symbol: str,
               decorated_in: dict[str, dict[str, tuple[str, ...]]]) -> str | None:
    """The outside decorator ``symbol`` is handed to as its module is imported
    (``@receiver(post_save)``, ``@bp.route("/")``: the framework may run it later), if any.
    ``decorated_in``: the decorators of each module's definitions, filled as read."""
    module, _, qualname = symbol.partition(":")
    if not qualname or module not in graph.summaries:
        return None
    decorated = decorated_in.get(module)
    if decorated is None:
        decorated = decorated_in[module] = {
            d.qualname: d.decorators for d in graph.summaries[module].definitions
            if d.decorators}
    return next((d for d in decorated.get(qualname, ())
                 if _outside_decorator(graph, module, d, decorated)), None)


# What Django loads, by its conventions, of the applications ``INSTALLED_APPS`` names (often
# by a bare name that no dotted-path reference records), as it starts or when a test asks for
# it by a name of its own: ``app.apps``, whose ``AppConfig`` it makes and whose ``ready()`` it
# runs (the signal handlers' registration, typically); the module code of ``app.models`` and,
# with ``django.contrib.admin`` installed, ``app.admin``; every ``app.templatetags`` module,
# which the template engine imports as it starts (``{% load %}`` names them, in templates).
# (module name pattern, with its members: the framework runs them)
DJANGO_APP_MODULES = (
    (re.compile(r".+\.apps"), True),
    (re.compile(r".+\.(models|admin)"), False),
    (re.compile(r".+\.templatetags\.[^.]+"), False),
)
# ``app.management.commands.NAME``: Django makes its ``Command`` and runs it for
# ``call_command("NAME")`` (and ``manage.py NAME``), in the tests that call these
DJANGO_COMMAND = re.compile(r".+\.management\.commands\.[^.]+")
DJANGO_COMMAND_RUNNERS = frozenset({"django.core.management.call_command",
                                    "django.core.management.execute_from_command_line"})


def _django_app_modules(graph: CodeGraph) -> list[str]:
    """What Django loads of the applications of ours (``DJANGO_APP_MODULES``): a module so
    named that imports from ``django``, with its members where the framework runs them."""
    found: list[str] = []
    for module in graph.summaries:  # a summary is read (decoded) only for a name that fits
        for pattern, members in DJANGO_APP_MODULES:
            if pattern.fullmatch(module) and _imports_django(graph, module):
                found += [module, *graph.members(module)] if members else [module]
                break
    return found


def _imports_django(graph: CodeGraph, module: str) -> bool:
    return any(i.target == "django" or i.target.startswith("django.")
               for i in graph.summaries[module].imports)


def _django_commands(selector: _Selector, graph: CodeGraph, walker: _Callers,
                     changes: Sequence[Change]) -> None:
    """A change that a management command of ours runs (``DJANGO_COMMAND``: its module code,
    its ``Command``'s methods and what they run) selects the tests that run commands: those
    whose code reaches ``call_command`` (a fixture's or a helper's call included).

    The tests that run commands are found once; each command's walk skips what an earlier
    command's walk reached without meeting a change (Django's own tree has a hundred
    commands, whose walks share most of what they reach), and ends at the first change in
    name order."""
    symbols = sorted({c.symbol for c in changes if c.kind is not ChangeKind.FILE_CHANGED})
    if not symbols or not selector.test_set:
        return
    commands = [module for module in graph.summaries
                if DJANGO_COMMAND.fullmatch(module) and _imports_django(graph, module)]
    if not commands:
        return
    runners = sorted(caller for caller, callees in graph.external_calls.items()
                     if callees & DJANGO_COMMAND_RUNNERS)
    seen: set[str] = set()
    tests = sorted({test for runner in runners
                    for test in _callers_in_tests(walker, runner, seen)})
    if not tests:
        return
    wanted = set(symbols)
    # the states whose walks reach no change: (run, read as data)
    barren: tuple[set[str], set[str]] = (set(), set())
    for module in commands:
        queue = [(node, False) for node in (module, *graph.members(module))]
        visited: list[tuple[str, bool]] = []
        hit: str | None = None
        for node, data in _forward_walk(graph, queue, barren):
            visited.append((node, data))
            if node in wanted and (hit is None or node < hit):
                hit = node
                if hit == symbols[0]:
                    break
        if hit is None:
            for node, data in visited:
                barren[data].add(node)
            continue
        for test in tests:
            selector.add(graph.path_of(test),
                         f"runs management commands, and {module} reaches {hit}")


def _held_class_members(graph: CodeGraph, symbol: str) -> list[str]:
    """The methods (and nested definitions) of ``symbol`` and of its bases of ours, when
    ``symbol`` is a class; none otherwise."""
    found: list[str] = []
    seen: set[str] = set()
    todo = [symbol]
    while todo:
        cls = todo.pop()
        if cls in seen or cls not in graph or graph.node(cls).get("kind") != "class":
            continue
        seen.add(cls)
        prefix = f"{cls}."
        found += [m for m in graph.members(symbol_module(cls)) if m.startswith(prefix)]
        todo += [base for base, kind in graph.successors(cls) if kind == EdgeKind.INHERITS]
    return found


def _doctest_texts(selector: _Selector, texts: Sequence[str], changed: Set[str],
                   any_change: bool, hooked: Set[str] = frozenset()) -> None:
    """A text file of doctests runs examples that are not analysed (they are no module of the
    graph: what they import and call is unknown), so it may run any changed code: fail open,
    selected on every change; and when it changed itself. So does a file a conftest's
    ``pytest_collect_file`` hook makes test items of (``hooked``): what its items run is the
    hook's classes' code on the file's content, which is not followed from the file."""
    for path in texts:
        if path in changed:
            selector.add(path, "test file changed")
        if any_change and path in hooked:
            selector.add(path, "a conftest's pytest_collect_file hook makes test items of it, "
                               "which are not analysed: they may run any change")
        elif any_change:
            selector.add(path, "pytest runs its examples as doctests (--doctest-glob), "
                               "which are not analysed: they may run any change")


def _unparsable(selector: _Selector, imports: _ImportIndex, changed: Iterable[str],
                plugins: Mapping[str, Set[str]]) -> None:
    """A changed file that does not parse in one revision hides its calls: fail open."""
    for path in changed:
        error = imports.error(path)
        if error is None:
            continue
        _fail_open_on_file(selector, imports, plugins, path, f"{error} in {path}")


def _fail_open_on_file(selector: _Selector, imports: _ImportIndex,
                       plugins: Mapping[str, Set[str]], path: str, reason: str) -> None:
    """A file whose code the analysis cannot vouch for: it and the test files importing it,
    directly or not; a conftest or plugin module: the folders it serves."""
    selector.failed_open(reason)
    if path_name(path) == CONFTEST or path in plugins:
        for folder in plugins.get(path, {_folder(path)}):
            selector.add_folder(folder, reason)
        return
    selector.add(path, reason)
    module = imports.module(path)
    if module is not None:
        for importer in imports.importers({module}):
            selector.add(imports.path(importer), reason)


def _unanalysed(selector: _Selector, imports: _ImportIndex, texts: Mapping[str, str],
                plugins: Mapping[str, Set[str]], changes: Sequence[Change],
                reached: Iterable[str]) -> None:
    """An unchanged file that could not be analysed (nested past what the parser takes,
    syntax this Python lacks, an undecodable byte) hides its calls in both revisions: where
    its text spells a name of what the changes reach (a changed symbol, or a function,
    class or module they reach), it may call it, so it fails open as a changed one does
    (``_unparsable``): it, the test files importing it, or, a conftest or plugin, its
    folders. One spelling none of them calls none of them by name; what it reaches through
    a name of its own (a function of ours it calls, which calls the change) is reached by
    the changes, so is spelled."""
    if not texts:
        return
    names: set[str] = set()
    for symbol in (*reached, *(c.symbol for c in changes
                               if c.kind is not ChangeKind.FILE_CHANGED)):
        module, _, qualname = symbol.partition(":")  # a module: the code its import runs
        for name in qualname.split(".") if qualname else [module.rpartition(".")[2]]:
            if name and not (name.startswith("__") and name.endswith("__")):
                names.add(name)
    if not names:
        return
    for path, text in sorted(texts.items()):
        spelled = sorted(names.intersection(_IDENTIFIER.findall(text)))
        if not spelled:
            continue
        error = imports.error(path) or "could not be read"
        _fail_open_on_file(selector, imports, plugins, path,
                           f"{path} could not be analysed ({error}) and spells {spelled[0]}, "
                           "which the changes reach")


_IDENTIFIER = re.compile(r"[^\W\d]\w*")


# Packages pytest imports to run at all: the repository of one runs its tests under a pytest
# that imports this very copy, so a change to it can break every test file's collection,
# whatever the file calls (pluggy calls pytest's own hooks: ``pytest_generate_tests``, ...).
RUNNER_PACKAGES = frozenset({"_pytest", "iniconfig", "pluggy", "pytest"})


def _runner_packages(selector: _Selector, changed_modules: Iterable[str]) -> None:
    for package in sorted({m.split(".", 1)[0] for m in changed_modules} & RUNNER_PACKAGES):
        selector.add_all(f"pytest itself runs on {package}: a change to it can break every "
                         "test file")


# What pytest calls of another package while it starts, before it collects a test file: it
# checks ``minversion`` with ``Version(minversion) > Version(pytest.__version__)`` and
# ``required_plugins`` with ``Requirement(...)`` and ``specifier.contains(Version(...))``
# (packaging's modules are imported then: their module-level code runs); from 8.4 on it
# imports pygments' terminal formatter and its diff and Python lexers
# (``_pytest/_io/terminalwriter.py``), whose module and class-body code runs then. In that
# package's own repository its tests run under a pytest that calls this very copy: a change
# these reach can break every test file, whatever the file calls. Whether the configuration
# asks for those checks is not looked at: a plugin may make the same calls.
RUNNER_CALLS = frozenset({
    "packaging", "packaging.version", "packaging.requirements",
    "packaging.version:Version.__init__", "packaging.version:Version.__gt__",
    "packaging.requirements:Requirement.__init__",
    "packaging.specifiers:SpecifierSet.contains",
    "pygments", "pygments.formatters.terminal", "pygments.lexer", "pygments.lexers.diff",
    "pygments.lexers.python",
})


def _runner_calls(selector: _Selector, reached: Iterable[str]) -> None:
    for node in sorted(RUNNER_CALLS.intersection(reached)):
        selector.add_all(f"pytest itself calls {node} while it starts: a change it reaches "
                         "can break every test file")


def _changed_files(
    selector: _Selector,
    imports: _ImportIndex,
    changes: Iterable[Change],
    head_files: Sequence[str],
    patterns: Sequence[str],
) -> None:
    files = [c for c in changes if c.kind is ChangeKind.FILE_CHANGED]
    if not files:
        return
    layout = PythonLayout.of([*head_files, *imports.paths()], patterns)
    for change in files:
        reason = f"file-changed: {change.path}"
        selector.failed_open(reason)
        scope = layout.scope(change.path)
        if scope is None or (scope.role is FileRole.CONFIG and scope.test_folder is None):
            selector.add_all(reason)
            continue
        if scope.role is FileRole.CONFIG and scope.test_folder is not None:
            selector.add_folder(scope.test_folder, reason)  # that project's tests
            continue
        if scope.test_folder is not None:
            selector.add_folder(scope.test_folder, reason)
            readers = imports.modules_under(scope.test_folder)  # helpers that load the data
            for importer in imports.importers(readers):
                selector.add(imports.path(importer), reason)
        if scope.package_folder is not None:
            selector.add_folder(scope.package_folder, reason)
            for importer in imports.importers(imports.modules_under(scope.package_folder)):
                selector.add(imports.path(importer), reason)


def _inherited(selector: _Selector, graph: CodeGraph, reached: Iterable[str],
               constraints: Mapping[str, Set[str | None]]) -> None:
    """pytest runs every ``test*`` method a test class inherits, under the subclass's file
    (``class TestURLSafe(TestSerializer)`` with the base imported from another test module),
    with the subclass's fixtures in place of the base's. So a test class whose members the
    change reaches selects the file of every class that inherits from it, transitively.

    A method reached only for some classes of its ``self`` (``constraints``: a mixin's
    ``self.Cache(maxsize=2)`` builds a ``TLRUCache`` only in the test class whose ``Cache``
    it is) runs the change only in the subclasses that can be those: only their files are
    selected for it.

    A class without tests of its own passes on what the test runner calls on a test class
    besides its tests (a base ``TestCase``'s ``setUp``, pytest's ``setup_method``): a test
    class inheriting such a member the change reaches runs it around each of its tests, and
    no call of ours shows it."""
    # class -> its reached members, each with the classes of self it was reached for (None:
    # any class)
    affected: dict[str, dict[str, Set[str | None]]] = defaultdict(dict)
    # one pass over the nodes, not an attribute lookup per name tried (27k of them when a
    # third of a 10,000-module repository is reached)
    classes = set(graph.nodes("class"))
    anything: Set[str | None] = frozenset((None,))
    reached = set(reached)
    for node in sorted(reached):
        for owner in _owners(graph, node, classes):
            inner = node[len(owner) + 1:].split(".")
            if len(inner) == 1:  # its own member: for the classes of self it is reached for
                affected[owner][node] = constraints.get(node, anything)
                continue
            enclosing = f"{owner}.{inner[0]}"
            # something defined in a method that the change reaches itself (a class whose
            # base is ``self.Cache``): the method's own classes of self count, not any
            if enclosing not in classes and enclosing in reached:
                continue
            affected[owner][node] = anything
    known: dict[str, bool] = {}  # _has_tests's answers so far (hierarchies are shared)
    hierarchy = Hierarchy(graph)
    for base, members in sorted(affected.items()):
        tests = _has_tests(graph, base, known)
        if not tests:  # only what the runner calls runs for the tests of subclasses
            members = {m: c for m, c in members.items() if _runner_hook(graph, m)}
            if not members:
                continue
        for subclass in _subclasses(graph, base):
            path = graph.path_of(graph.module_of(subclass))
            if path not in selector.test_set:
                continue
            if not tests and not _has_tests(graph, subclass, known):
                continue
            member = next((m for m, reached_for in sorted(
                members.items(), key=lambda item: (  # a setUp before a helper it calls
                    not tests and _short_name(item[0]) not in _XUNIT_HOOKS, item[0]))
                           if any(c is None or hierarchy.compatible(c, f"={subclass}")
                                  for c in reached_for)), None)
            if member is None:
                continue
            if tests:
                reason = f"{subclass} inherits the tests of {base} ({member} is affected)"
            else:
                reason = (f"{subclass} inherits {member} (affected), which the test runner "
                          "may call for its tests")
            selector.add(path, reason)


# what unittest and pytest call on a test class besides its tests (unittest's own are hooks
# too: a method overriding one of an outside base's, ``graph.outside_hooks``)
_XUNIT_HOOKS = frozenset({
    "setUp", "tearDown", "setUpClass", "tearDownClass", "asyncSetUp", "asyncTearDown",
    "setup_method", "teardown_method", "setup_class", "teardown_class", "setup", "teardown",
    "runTest",  # a TestCase's test when it has no test* method (unittest and pytest run it)
})


# what pytest calls by name in a test module, wherever the function was defined
_MODULE_HOOKS = frozenset({
    "setup_module", "teardown_module", "setUpModule", "tearDownModule", "setup_function",
    "teardown_function", "setup", "teardown",
})


def _imported_hooks(selector: _Selector, graph: CodeGraph, reached: Iterable[str]) -> None:
    """pytest calls a test module's ``setup_module`` (and its xunit kin) by name: one the
    module imports from a helper runs for its tests, though no call of ours shows it."""
    for node in sorted(n for n in reached if _short_name(n) in _MODULE_HOOKS):
        if node not in graph or "." in node.partition(":")[2]:  # a module's own function
            continue
        for source, kind in sorted(set(graph.predecessors(node))):
            path = graph.path_of(graph.module_of(source))
            if kind == EdgeKind.IMPORTS and path in selector.test_set:
                selector.add(path, f"imports {node}, which pytest calls for its tests")


def _runner_hook(graph: CodeGraph, member: str) -> bool:
    """Is ``member`` (a class's own method) one the test runner may call on its own: an
    xunit-style setup or teardown, or a method that overrides one an outside base defines
    (any method when the graph did not record those)? The names an outside base computes
    are left out (``graph.outside_overrides``): a ``TestCase`` runs the test method pytest
    names, and pytest names tests (``_has_tests``) and ``runTest``, nothing else of ours."""
    hooks = graph.outside_overrides
    if hooks is None:
        hooks = graph.outside_hooks
    return hooks is None or _short_name(member) in _XUNIT_HOOKS or member in hooks


def _owners(graph: CodeGraph, node: str, classes: Set[str] | None = None) -> list[str]:
    """The classes ``node`` is or is defined in (``m:A.B.f`` -> ``m:A.B``, ``m:A``).
    ``classes``: the class nodes of ``graph``, if known."""
    if ":" not in node:
        return []
    module, qualname = node.split(":", 1)
    parts = qualname.split(".")
    found = []
    for cut in range(len(parts), 0, -1):
        candidate = f"{module}:{'.'.join(parts[:cut])}"
        if (candidate in classes if classes is not None else
                candidate in graph and graph.node(candidate).get("kind") == "class"):
            found.append(candidate)
    return found


def _has_tests(graph: CodeGraph, cls: str, known: dict[str, bool] | None = None) -> bool:
    """Does ``cls`` (or a class it inherits from) define a method pytest collects (``test*``)?

    ``known``: answers found before for other classes (filled in here): a class without tests
    is not climbed again, one with tests answers at once. A search that finds none tells the
    same of every class it met (each inherits only from classes it met); one that finds a
    class with tests tells it of every class on the way there. So the classes of a hierarchy
    are not climbed once per class below them (a chain of n classes: n steps, not n^2/2).
    """
    answers: dict[str, bool] = {} if known is None else known
    answer = answers.get(cls)
    if answer is not None:
        return answer
    parent: dict[str, str | None] = {cls: None}
    queue = deque([cls])
    while queue:
        current = queue.popleft()
        answer = answers.get(current)
        if answer is False:
            continue  # nothing it inherits defines a test
        if answer is None:
            module = graph.module_of(current)
            prefix = current + "."
            answer = any(member.startswith(prefix) and member[len(prefix):].startswith("test")
                         for member in graph.members(module))
        if answer:
            step: str | None = current
            while step is not None:  # every class on the way inherits the tests
                answers[step] = True
                step = parent[step]
            return True
        for target, kind in graph.successors(current):
            if kind == EdgeKind.INHERITS and target not in parent and target in graph:
                parent[target] = current
                queue.append(target)
    for met in parent:
        answers[met] = False
    return False


def _subclasses(graph: CodeGraph, cls: str) -> list[str]:
    """Every class that inherits from ``cls``, directly or not."""
    seen = {cls}
    queue = deque([cls])
    found = []
    while queue:
        for source, kind in graph.predecessors(queue.popleft()):
            if kind == EdgeKind.INHERITS and source not in seen:
                seen.add(source)
                found.append(source)
                queue.append(source)
    return found


def _unresolved(
    selector: _Selector, graph: CodeGraph, changed: set[str], names: set[str] | None
) -> None:
    """A test module that imports a changed module and makes calls we could not resolve is
    kept: one of those calls may reach the change. An unresolved ``x.name(...)`` the linker
    bounded (``graph.unresolved_names``: no argument of ours, ``name`` no attribute that may
    hold another function) runs a function called ``name``: it can reach the change only
    when one of that name reaches it, or when ``__getattr__`` (any name) or a method outside
    code runs under another name (an override of an outside base's) does. ``names``: see
    ``_reached_names``."""
    modules = {
        graph.module_of(caller) for caller, _ in graph.unresolved_sites
        if caller in graph and not _bounded_elsewhere(graph, caller, names)
    }
    for module in sorted(modules):
        path = graph.path_of(module)
        if path not in selector.test_set:
            continue
        for target in sorted(_imports_of(graph, module) & changed):
            reason = f"unresolved calls in a module that imports changed module {target}"
            selector.failed_open(reason)
            selector.add(path, reason)


def _unresolved_across(
    selector: _Selector,
    graph: CodeGraph, walker: _Callers,
    changed: set[str],
    names: set[str] | None,
    imports: _ImportIndex,
    processes: ProcessScope | None = None,
) -> None:
    """An unresolved call in one package's code that imports another, changed package may
    run that package's code with an object the analysis lost on the way (flask's
    ``app.jinja_env.from_string(source)``, ``app`` from an outside proxy, in a monorepo that
    holds jinja2): the tests that reach the call are kept, unless every name it asks for is
    one that nothing reaching the change has (see ``_unresolved``). Within a package the
    test-module rule above is enough: its calls into itself are what the linker resolves.
    A call that runs at import time (module-level code reaches it: pyparsing's example
    ``binop = oneOf("= !=", caseless=True)``, ``oneOf`` a wrapper the linker lost) runs in
    every test process that imports that module (``processes``), whatever the test calls."""
    package_of = _Packages(graph)
    packages = {package_of(module) for module in changed}
    if not packages:
        return
    across: dict[str, list[str]] = {}  # module -> the changed packages it imports besides its own
    for caller in sorted({caller for caller, _ in graph.unresolved_sites}):
        if caller not in graph or _bounded_elsewhere(graph, caller, names):
            continue
        module = graph.module_of(caller)
        if module not in across:
            own = package_of(module)
            imported = {package_of(target) for target in _imports_of(graph, module)}
            test_code = graph.path_of(module) in selector.test_set
            across[module] = [] if test_code else sorted((imported - {own}) & packages)
        if not across[module]:
            continue
        reason = (f"unresolved call in {caller}, which imports changed package "
                  f"{across[module][0]}")
        importers = imports.importer_paths(module)
        tests, module_code = walker.closure(caller)
        for test_module in sorted(tests):
            # only a test whose process imports the caller's module can run its code: an
            # example program registered as a callback (every click command) is reached in
            # the graph by every test of the package it registers with, and run by none
            if _imported_by_test(graph.path_of(test_module), importers):
                selector.add(graph.path_of(test_module), reason)
        if processes is None:
            continue
        # as above: only a test whose process imports the call's module too
        running = processes.importing(module, selector.test_set)
        if not running:
            continue
        for importer in module_code:
            for path in processes.tests_of(processes.importing(importer, selector.test_set)
                                           & running):
                selector.add(path, f"{reason}, run when {importer} is imported")


def _unresolved_by_name(
    selector: _Selector, graph: CodeGraph, walker: _Callers, imports: _ImportIndex,
    reached: Iterable[str], processes: ProcessScope,
) -> set[str]:
    """An unresolved ``x.name(...)`` anywhere, the library's own code included, may run any
    function of ours called ``name`` (Python-Markdown's ``for p in self.treeprocessors:
    p.run(root)``: the registry's items are lost to the linker): when something that reaches
    the change is called ``name``, the call reaches it, and so do the tests that reach the
    call. Those callers reach the change in turn, so unresolved calls asking for their names
    do too (repeated until nothing new). As for ``_unresolved_across``, the object can only
    be one of a package the caller's package is or its module imports (in a method, or a
    function nested in one, also one a subclass's module imports: ``self`` may be the
    subclass's, whose module sets what it holds, as cachelib's test files set the
    ``cache_factory`` the shared base test class calls), and only a test whose process
    imports the call's module can run it. A call whose name is unknown ("") is not
    this rule's (see ``_unbounded``, ``_gave_up``). A removed method counts by its name too
    (a plugin class loaded by name: ``self.impl.get(key)`` ran its override), and so do the
    method calls written in source the code base generates and ``exec``s (the linker adds
    their names to the generating function's).

    Module-level code reaching such a call runs it in every test process that imports the
    module, as ``_import_time`` has it (ovld: ``class Medley(metaclass=MedleyMC)`` runs
    ``MedleyMC.__new__``, whose ``combiner.get(result)`` ran a removed ``KeepLast.get``, so
    ``import ovld`` failed for test files that only import the package).

    Returns the modules whose code runs such a call as they are imported (module-level code
    reaching it, and what imports them): a module loaded by a name computed at run time runs
    it out of the import graph's sight (``_loaded_by_name``; pyparsing's example scripts,
    ``import_module("examples." + name)``, draw a diagram at import through an unresolved
    ``expr.create_diagram(...)``)."""
    loaded: set[str] = set()
    if not selector.test_set:
        return loaded  # nothing to select: the walks below only find tests
    package_of = _Packages(graph)
    known: dict[str, set[str]] = defaultdict(set)  # name -> packages of what reaches by it
    learnt: set[str] = set()  # walks from other modules meet the same symbols again

    def learn(symbols: Iterable[str]) -> None:
        for symbol in symbols:
            if symbol in learnt:
                continue
            learnt.add(symbol)
            if symbol in graph:
                known[_short_name(symbol)].add(package_of(graph.module_of(symbol)))
            elif ":" in symbol:  # gone from the head (a removed override): the calls that
                # asked for its name may have run it, and now run what is left, or fail
                known[_short_name(symbol)].add(package_of(symbol.split(":", 1)[0]))

    learn(reached)
    if not known:
        return loaded
    sites = {caller: asked - {""} for caller, asked in graph.unresolved_names.items()
             if caller in graph and asked - {""}}
    near: dict[str, set[str]] = {}  # module -> its package and those it imports

    def near_module(module: str) -> set[str]:
        if module not in near:
            near[module] = {package_of(module)} | {
                package_of(target) for target in _imports_of(graph, module)}
        return near[module]

    def matches(caller: str) -> str | None:
        packages = near_module(graph.module_of(caller))
        cls = _enclosing_class(graph, caller)
        if cls is not None:  # ``self`` may be a subclass's, its attributes set by its module
            packages = packages.union(*(near_module(graph.module_of(subclass))
                                        for subclass in subclasses_of(cls)))
        return next((name for name in sorted(sites[caller])
                     if known.get(name, set()) & packages), None)

    subclassed: dict[str, list[str]] = {}

    def subclasses_of(cls: str) -> list[str]:
        if cls not in subclassed:
            subclassed[cls] = _subclasses(graph, cls)
        return subclassed[cls]

    done: set[str] = set()
    seen: set[str] = set()  # walked from already: what reaches them is learnt
    # per module: the tests its calls' reasons went to already (the module's importers judged
    # them: they are selected or not whatever call of the module reaches them)
    given: dict[str, int] = defaultdict(int)
    while True:
        hits = [(caller, name) for caller in sorted(sites) if caller not in done
                for name in [matches(caller)] if name is not None]
        if not hits:
            return loaded
        for caller, name in hits:
            done.add(caller)
            walked: set[str] = set()
            _callers_in_tests(walker, caller, seen, walked)
            learn(walked)
            loaded |= {node for node in walked if ":" not in node}
            reason = f"unresolved call .{name}() in {caller} may run {name}, which is affected"
            for node in sorted(walked):
                if ":" in node or node not in graph or graph.node(node).get("kind") != "module":
                    continue
                for path in processes.tests_of(processes.importing(node, selector.test_set)):
                    selector.add(path, f"imports {node}, whose import-time code runs an {reason}")
            module = graph.module_of(caller)
            new = walker.marks(caller) & walker.test_bits & ~given[module]
            given[module] |= new
            _add_importing(selector, graph, imports, walker.names_of(new)[0], module, reason)
            # pytest runs a test method a test class inherits under each subclass's file
            for symbol in sorted(walked):
                cls = _enclosing_class(graph, symbol)
                if cls is None or not _short_name(symbol).startswith("test"):
                    continue
                inheriting = {graph.module_of(subclass) for subclass in subclasses_of(cls)}
                _add_importing(selector, graph, imports, inheriting, module,
                               f"{reason}, run by the test classes inheriting {symbol}")


def _enclosing_class(graph: CodeGraph, symbol: str) -> str | None:
    """The innermost class of ours whose body holds ``symbol`` (a method, or a function
    nested in one), if any."""
    return next((cls for cls in _owners(graph, symbol) if cls != symbol), None)


def _add_importing(selector: _Selector, graph: CodeGraph, imports: _ImportIndex,
                   tests: Iterable[str], module: str, reason: str) -> None:
    """Select the ``tests`` (test modules) whose process imports ``module``: a callback
    registered with the library is reached in the graph by every test that runs callbacks,
    and run only by those that import it."""
    importers = imports.importer_paths(module)
    for test_module in sorted(tests):
        path = graph.path_of(test_module)
        if _imported_by_test(path, importers):
            selector.add(path, reason)


# Calls that import a module named at run time (or look up the plugins that name one).
DYNAMIC_IMPORTS = frozenset({
    "importlib.import_module", "importlib.__import__", "<builtin>.__import__",
    "importlib.metadata.entry_points", "importlib_metadata.entry_points",
    "pkg_resources.iter_entry_points", "runpy.run_module", "runpy.run_path",
})


# Changes to a function after which its module still imports as before: its ``def``
# statement runs alike (no default, annotation or decorator of it changed); only its calls do.
_CALLS_ONLY = frozenset(
    {ChangeKind.PARAMETER_ADDED, ChangeKind.PARAMETER_REMOVED, ChangeKind.PARAMETER_RENAMED,
     ChangeKind.PARAMETER_MOVED, ChangeKind.PARAMETER_KIND_CHANGED,
     ChangeKind.PARAMETER_NOW_REQUIRED, ChangeKind.ASYNC_CHANGED, ChangeKind.BODY_CHANGED}
)
_GONE = frozenset(
    {ChangeKind.SYMBOL_REMOVED, ChangeKind.SYMBOL_RENAMED, ChangeKind.MODULE_REMOVED,
     ChangeKind.MODULE_RENAMED}
)


def _import_affected(graphs: Sequence[CodeGraph], affected: Iterable[AffectedModule],
                     changes: Sequence[Change], reached: Set[str]) -> set[str]:
    """The modules whose import now fails or runs changed code: module code that calls,
    directly or through functions, what the change reaches; the module of a change to what
    runs as it is imported (a module's or class's code, a variable, a decorator, a default)
    and the direct users of such a change or of what is gone (``TABLE = [gone]``); and, in
    turn, the modules among those reached that import one of them. Not a module whose code
    merely refers to a function whose parameters or body changed (``deprecated(...)(cls)``
    returns a wrapper that calls the functions it wraps only when it is called)."""
    kinds: dict[str, set[ChangeKind]] = defaultdict(set)
    for change in changes:
        kinds[change.symbol].add(change.kind)
    seeds = sorted({m.via[0] for m in affected if m.via})
    found: set[str] = set()
    for graph in graphs:
        found |= {node for node in _callers(graph, seeds, reached) if ":" not in node}
        for seed in seeds:
            if seed not in graph:
                continue
            own = kinds.get(seed, set())
            function = graph.node(seed).get("kind") in ("function", "method")
            if function and own and own <= _CALLS_ONLY:
                continue  # its def runs as before; module code calling it is found above
            if _in_main_block(graph, seed):
                continue  # defined when its module runs as a program, not on import
            if not own & _GONE:  # what its module runs as it is imported changed
                found.add(graph.module_of(seed))
            # a user of what is gone or changed at import (``TABLE = [gone]``, ``X = CONST``)
            found |= {graph.module_of(source) for source, kind in graph.predecessors(seed)
                      if not _main_only(graph, source, seed, kind)}
    modules = {node for node in reached if ":" not in node}
    grown = True
    while grown:  # a module importing one that fails or changed imports it as it runs
        grown = False
        for module in sorted(modules - found):
            if any(kind == EdgeKind.IMPORTS and target in graph
                   and graph.module_of(target) in found
                   for graph in graphs if module in graph
                   for target, kind in graph.successors(module)):
                found.add(module)
                grown = True
    return found & modules


def _loaded_by_name(
    selector: _Selector,
    graph: CodeGraph, walker: _Callers,
    imports: _ImportIndex,
    reached: Iterable[str],
    patterns: Sequence[str],
) -> None:
    """A module whose top-level code the change reaches (a removed function its module-level
    table names: the import now fails; see ``_import_affected``) breaks every process that
    imports it, and a module may be imported by a name computed at run time
    (Python-Markdown loads extensions by dotted name: ``importlib.import_module(name)``,
    entry points), out of the import graph's sight. Then every test that reaches such a call
    is kept."""
    modules = sorted(node for node in reached if ":" not in node and node in graph
                     and graph.node(node).get("kind") == "module"
                     and not is_test_code(graph.path_of(node), patterns))
    if not modules:
        return
    loaders = sorted(caller for caller, callees in graph.external_calls.items()
                     if caller in graph and callees & DYNAMIC_IMPORTS)
    seen: dict[str, set[str]] = defaultdict(set)  # per module, as in _unresolved_by_name
    for caller in loaders:
        module = graph.module_of(caller)
        if caller in seen[module]:
            continue
        loader = sorted(graph.external_calls[caller] & DYNAMIC_IMPORTS)[0]
        reason = (f"{loader} in {caller} may import {modules[0]}, whose top-level code "
                  "is affected")
        tests = _callers_in_tests(walker, caller, seen[module])
        _add_importing(selector, graph, imports, tests, module, reason)


def _short_name(symbol: str) -> str:
    return symbol.rsplit(":", 1)[-1].rsplit(".", 1)[-1]


class _Packages:
    """A module's package: its top-level package, or below a namespace package (no
    ``__init__.py``, no module of the graph: ``acme``) the first package that is one
    (``acme.markup`` for ``acme.markup.escape``): in a monorepo whose packages share a
    namespace, each is a package of its own."""

    def __init__(self, graph: CodeGraph) -> None:
        self._graph = graph
        self._known: dict[str, str] = {}

    def __call__(self, module: str) -> str:
        found = self._known.get(module)
        if found is None:
            parts = module.split(".")
            found = next((prefix for prefix in (".".join(parts[:i]) for i in
                                                range(1, len(parts)))
                          if prefix in self._graph), module)
            self._known[module] = found
        return found


def _imported_by_test(test_path: str, importers: Set[str]) -> bool:
    """Does the process of the test file at ``test_path`` import a module whose importers'
    paths are ``importers``: the test file does, or a ``conftest.py`` of its folder or of a
    folder above (pytest imports those first)?"""
    if test_path in importers:
        return True
    folder = test_path.rpartition("/")[0]
    while True:
        if (f"{folder}/{CONFTEST}" if folder else CONFTEST) in importers:
            return True
        if not folder:
            return False
        folder = folder.rpartition("/")[0]


@dataclass
class _ProgramReach:
    """Does a test's program run changed code, when every program it starts is known
    (``graph.programs``, ``impact.programs``)? It does when a module it runs (its import-time
    code, a main module's main block) or a function or class its source calls reaches the
    change, or when a module its process imports (``ProcessScope.program_closure``) has
    import-time code that does (``_import_affected``, as for a test's own process). An
    unresolved call, or one the linker gave up on, in the code the program can reach (that
    other rules would have kept a test for) leaves it unknown too."""

    graph: CodeGraph
    processes: ProcessScope
    reached: set[str]
    loaded: set[str]  # modules whose import runs changed code (``_import_affected``)
    names: set[str] | None
    packages: set[str]  # the changed packages

    def verdict(self, callers: Iterable[str]) -> tuple[bool, str] | None:
        """(runs the change, which program), or None when some program is not known."""
        graph = self.graph
        callers = list(callers)
        programs = set().union(*(graph.programs.get(c) or {None} for c in callers))
        if None in programs:
            return None
        for caller in callers:  # a program its callers spell: has it callers elsewhere?
            if any(p is not None and p.from_callers for p in graph.programs[caller]) and any(
                    graph.module_of(source) != graph.module_of(caller)
                    for source, _ in graph.predecessors(caller)):
                return None
        found: list[tuple[Program, Entries, frozenset[str]]] = []
        known = sorted((p for p in programs if p is not None), key=lambda p: (p.kind, p.target))
        for program in known:
            start = entries(graph, program)
            if start is None:
                return None
            closure = self.processes.program_closure(
                start.modules | {graph.module_of(s) for s in start.symbols})
            if closure is None:
                return None
            found.append((program, start, closure))
        for program, start, closure in found:
            if (start.modules & self.reached or closure & self.loaded
                    or members_of(graph, start.symbols) & self.reached):
                return True, _describe(program)
        for _, start, closure in found:
            if self._open_sites(start, closure):
                return None
        return False, ""

    def reaches(self, start: Entries) -> bool | None:
        """Does code that starts at ``start`` (a file a test runs by its path:
        ``_files_run``) run the change, as a known program's would (``verdict``); None when
        that is not known."""
        closure = self.processes.program_closure(
            start.modules | {self.graph.module_of(s) for s in start.symbols})
        if closure is None:
            return None
        if (start.modules & self.reached or closure & self.loaded
                or members_of(self.graph, start.symbols) & self.reached):
            return True
        return None if self._open_sites(start, closure) else False

    def _open_sites(self, start: Entries, closure: frozenset[str]) -> bool:
        """Does code the program may run make a call whose callee the analysis could not bound,
        where the rules for a test's own process would keep it: an unresolved ``x.name()``
        whose name something that reaches the change has (directly, or through another such
        call: see ``_unresolved_by_name``), a call the linker gave up on (unless its names
        reach nothing), or a ``getattr`` call with an unknown name."""
        graph = self.graph
        seen = set(start.modules | members_of(graph, start.symbols))
        seen |= {m for m in closure if m in graph}
        queue = deque(seen)
        open_sites = self._open_callers
        while queue:
            node = queue.popleft()
            if node in open_sites:
                return True
            for target, kind in graph.successors(node):
                if kind in (EdgeKind.CALLS, EdgeKind.REFERENCES) and target not in seen:
                    seen.add(target)
                    queue.append(target)
        return False

    @cached_property
    def _open_callers(self) -> set[str]:
        graph = self.graph
        found = {caller for caller, receiver in graph.unbounded_sites
                 if receiver != ANY_CALLEE or not _bounded_elsewhere(graph, caller, self.names)}
        package_of = _Packages(graph)
        across: dict[str, bool] = {}  # module -> imports a changed package besides its own
        for caller, _ in graph.unresolved_sites:  # see _unresolved_across
            if caller not in graph or _bounded_elsewhere(graph, caller, self.names):
                continue
            module = graph.module_of(caller)
            if module not in across:
                imported = {package_of(target) for target in _imports_of(graph, module)}
                across[module] = bool((imported - {package_of(module)}) & self.packages)
            if across[module]:
                found.add(caller)
        asked = {caller: names for caller, names in graph.unresolved_names.items() if names}
        asked.update({caller: {""} for caller, _ in graph.unresolved_sites
                      if caller not in asked})  # a graph that did not record the names
        if self.names is None:  # any name may reach the change
            return found | {c for c, names in asked.items() if names - {""}}
        known = set(self.names)
        matched: set[str] = set()
        walked: set[str] = set()
        while True:
            hits = [c for c, names in asked.items() if c not in matched and names & known]
            if not hits:
                return found | matched
            for caller in hits:  # its callers reach the change too: their names count
                matched.add(caller)
                queue = deque([caller])
                while queue:
                    node = queue.popleft()
                    if node in walked:
                        continue
                    walked.add(node)
                    known.add(_short_name(node))
                    queue.extend(source for source, kind in graph.predecessors(node)
                                 if kind in (EdgeKind.CALLS, EdgeKind.REFERENCES))


def _describe(program: Program) -> str:
    if program.kind is ProgramKind.CODE:
        return "Python source"
    return f"{program.kind.value} {program.target}"


@dataclass(frozen=True, slots=True)
class _Site:
    """A function of test code (or a test module's import-time code) that starts a program or
    runs doctests, whose code may run the change."""

    caller: str
    runner: str  # ``subprocess.Popen``, ``doctest.testfile``
    program: str | None  # the known program that runs the change; None: not known
    # a scope depending on a changed file's text (``impact.file_texts``): the whole reason
    text: str = ""


def _programs(
    selector: _Selector, shared: _Shared, graph: CodeGraph, changed: set[str],
    patterns: Sequence[str], reach: _ProgramReach, walk: Callable[[str], Reach],
) -> None:
    """A test that starts a program (``subprocess.run([sys.executable, "-c", CODE])``) or runs
    doctests may run any code of ours, out of our sight (click's test_imports.py feeds
    ``import click; click.echo(...)`` to the interpreter, portion's test_doc.py runs
    README.md's examples). Such a call in test code (a test file, a helper module beside the
    tests, a conftest) whose program may run the change counts as changed code: the tests
    that can reach the function making it are kept, found as for a change (a chain of calls,
    import-time code, fixtures, inherited tests, and the fail-open rules on calls the analysis
    could not bound), not every test importing its module (python-dateutil's tests/_common.py
    holds a Windows-only helper running ``tzutil`` beside a sentinel that
    test_relativedelta.py imports alone).

    A program may run the change when it is not known (a command may be a console script of
    ours or a tool that reads our files: attrs' test_pyright.py runs ``pyright``), or when it
    is known (``[sys.executable, "-m", "pkg.cli"]``, source fed to ``python -``:
    ``graph.programs``) and can run it (``_ProgramReach``). A program not known counts for a
    test whose code (with the helpers of ours it imports that are test code) imports the
    top-level package of a changed module, or imports no library module at all: such a test
    can only exercise the library by running it, by a path or a module name in a string
    (tabulate's test_cli.py runs ``tabulate/__init__.py``), so any change to library code
    counts."""
    package_of = _Packages(graph)
    packages = {package_of(module) for module in changed}
    if not packages:
        return
    library = {m for m in graph.nodes("module") if not is_test_code(graph.path_of(m), patterns)}
    sites = _program_sites(graph, library, reach)
    if not sites:
        return
    conditions = _Conditions(graph, library, packages)
    for group in ([s for s in sites if s.program is not None],
                  [s for s in sites if s.program is None]):
        if group:
            _sites_reach(selector, shared, graph, group, conditions, walk)


def _sites_reach(selector: _Selector, shared: _Shared, graph: CodeGraph, sites: list[_Site],
                 conditions: _Conditions, walk: Callable[[str], Reach]) -> None:
    """Each of ``sites`` as changed code (``_program_reach``), then the rules on what the
    analysis could not bound for them all at once (``_program_fail_open``)."""
    reached: set[str] = set()
    for site in sites:
        found = walk(site.caller)
        reached |= found.reached
        _program_reach(selector, shared, graph, site, found, conditions)
    _program_fail_open(selector, shared, graph, sites, reached, conditions)


def _program_sites(graph: CodeGraph, library: Set[str], reach: _ProgramReach) -> list[_Site]:
    """The functions of test code (not ``library``) that start a program which may run the
    change (``_programs``)."""
    found = []
    for caller, callees in sorted(graph.external_calls.items()):
        runners = sorted(callees & PROGRAM_RUNNERS)
        if not runners or caller not in graph or graph.module_of(caller) in library:
            continue
        verdict = reach.verdict([caller])
        if verdict is None:
            found.append(_Site(caller, runners[0], None))
        elif verdict[0]:
            found.append(_Site(caller, runners[0], verdict[1]))
    return found


def _site_text(site: _Site) -> str:
    """``runs a program (subprocess.run in tests.cli:run: module pkg.cli)``."""
    if site.text:
        return site.text
    what = "runs doctests" if site.runner.startswith("doctest.") else "runs a program"
    program = f": {site.program}" if site.program is not None else ""
    return f"{what} ({site.runner} in {site.caller}{program})"


def _program_reach(selector: _Selector, shared: _Shared, graph: CodeGraph, site: _Site,
                   reach: Reach, conditions: _Conditions) -> None:
    """The tests that reach the function of ``site`` as they would reach a changed one (the
    calls the analysis could not bound: ``_program_fail_open``), and its own test file,
    whose tests and fixtures pytest runs (never a ``load_tests``: pytest does not call it)."""
    text = _site_text(site)

    def prefixes(path: str) -> list[str]:
        if site.text:
            return [text]
        if site.program is not None:
            return [f"{text} whose code reaches the change"]
        return [text + condition for condition in conditions(path)]

    on_behalf = _OnBehalf(selector, prefixes,
                          "it reaches that code" if site.text else "it reaches that call")
    module = graph.module_of(site.caller)
    path = graph.path_of(module)
    if path in selector.test_set and site.caller != f"{module}:load_tests":
        for prefix in prefixes(path):
            selector.add(path, prefix)
        on_behalf.kept.add(path)  # how its own tests reach the call adds nothing to that
    conftests = _Conftests(on_behalf, shared.conftest_scope, set(reach.reached))
    if path_name(path) == CONFTEST:  # as an affected conftest: its fixtures' requesters
        conftests.affected(path, chain_reason((site.caller,)), False)
    elif path in shared.plugins:
        for folder in shared.plugins[path]:
            conftests.affected(path, chain_reason((site.caller,)), False, folder)
    if ":" not in site.caller:  # import-time code: it runs in every process importing it
        processes = shared.processes
        for test in processes.tests_of(processes.importing(module, on_behalf.test_set)):
            on_behalf.add(test, f"imports {module}, whose import-time code makes it")
    _chains(on_behalf, shared, conftests, reach.affected, reach.reached, frozenset())
    _inherited(on_behalf, graph, reach.reached, reach.constraints)
    _imported_hooks(on_behalf, graph, reach.reached)


def _program_fail_open(selector: _Selector, shared: _Shared, graph: CodeGraph,
                       sites: Sequence[_Site], reached: set[str], conditions: _Conditions
                       ) -> None:
    """The rules on calls the analysis could not bound (``_unresolved``, ...), for the
    functions of ``sites`` and what reaches them as changed code: once for them all."""
    shown = "; ".join(s.text or f"{s.runner} in {s.caller}" for s in sites[:3])
    more = f"; and {len(sites) - 3} more" if len(sites) > 3 else ""
    if len(sites) == 1:
        text = _site_text(sites[0])
    elif sites[0].text:  # a group is all scopes reading files, or none
        text = f"depends on the text of changed files ({shown}{more})"
    elif all(s.runner.startswith("doctest.") for s in sites):
        text = f"runs doctests ({shown}{more})"
    else:
        text = f"runs a program ({shown}{more})"
    known = sites[0].program is not None  # a group is all known programs, or all unknown

    def prefixes(path: str) -> list[str]:
        if sites[0].text:
            return [text]
        if known:
            return [f"{text} whose code reaches the change"]
        return [text + condition for condition in conditions(path)]

    how = ("it may reach that code" if sites[0].text
           else "it may reach that call" if len(sites) == 1
           else "it may reach one of those calls")
    on_behalf = _OnBehalf(selector, prefixes, how)
    changed = {graph.module_of(site.caller) for site in sites}
    names = _reached_names(graph, reached)
    imports = shared.imports
    walker = shared.walker(graph, selector.test_set)
    _unresolved(on_behalf, graph, changed, names)
    _unresolved_across(on_behalf, graph, walker, changed, names, imports)
    _unresolved_by_name(on_behalf, graph, walker, imports, reached, shared.processes)
    _gave_up(on_behalf, graph, walker, changed, names, imports)
    _unbounded(on_behalf, graph, walker, changed, imports)


def _text_reads(selector: _Selector, shared: _Shared, graph: CodeGraph, changed: Set[str],
                patterns: Sequence[str], walk: Callable[[str], Reach]) -> None:
    """A scope of test code that reads or runs the text of a changed Python file, named by
    a path or asked for with ``inspect.getsource`` (``impact.file_texts``), counts as changed
    code, as a call starting a program that runs the change does (``_programs``): its own
    test file, and the tests that reach it."""
    library = {m for m in graph.nodes("module") if not is_test_code(graph.path_of(m), patterns)}
    reads = text_reads(graph, changed, library)
    if not reads:
        return
    sites = [_Site(read.caller, read.reader, read.path, read.reason) for read in reads]
    _sites_reach(selector, shared, graph, sites, _Conditions(graph, library, set()), walk)


def _files_run(selector: _Selector, shared: _Shared, graph: CodeGraph,
               patterns: Sequence[str], reach: _ProgramReach,
               walk: Callable[[str], Reach]) -> None:
    """A scope of test code that runs Python files of ours by their path, as modules
    (``importlib.util.spec_from_file_location`` and ``exec_module``, ``runpy.run_path``:
    ``impact.file_texts.files_run``), runs their top-level code and then whatever it asks
    of the module objects (``mod.main()``: an unresolved call by name). No import edge
    says so, and the files need not have changed: arpeggio's ``test_examples`` runs every
    ``examples/*/*.py`` and calls its ``main``, which builds a parser. When that code may
    reach the change (``_ProgramReach.reaches``: the modules' import-time code, the
    functions of theirs the scope asks for by name, all of them when it asks by a computed
    name), the scope counts as changed code (``_sites_reach``)."""
    library = {m for m in graph.nodes("module") if not is_test_code(graph.path_of(m), patterns)}
    runs = files_run(graph, library)
    if not runs:
        return
    unbounded = {caller for caller, _ in graph.unbounded_sites}
    sites: dict[str, _Site] = {}
    for run in runs:
        if run.caller in sites:
            continue
        asked = graph.unresolved_names.get(run.caller) or set()
        symbols = frozenset(
            member for module in run.modules for member in graph.members(module)
            if "." not in member.partition(":")[2]
            and (run.caller in unbounded or _short_name(member) in asked))
        verdict = reach.reaches(Entries(run.modules, symbols))
        if verdict is False:
            continue
        how = "runs" if verdict else "may run"
        why = ("reaches the change" if verdict
               else "makes calls the analysis could not bound")
        sites[run.caller] = _Site(
            run.caller, run.runner, None,
            f"{how} {run.path} ({run.runner} in {run.caller}), whose code {why}")
    if sites:
        _sites_reach(selector, shared, graph, list(sites.values()),
                     _Conditions(graph, library, set()), walk)


class _Conditions:
    """For a test file, what makes a program that is not known count for it (``_programs``):
    the reasons' endings, none when it does not count."""

    def __init__(self, graph: CodeGraph, library: Set[str], packages: Set[str]) -> None:
        self.graph, self.library, self.packages = graph, library, packages
        self.package_of = _Packages(graph)
        self.library_changed = sorted(packages & {self.package_of(m) for m in library})
        self.module_at = {graph.path_of(m): m for m in graph.nodes("module")}
        self.known: dict[str, list[str]] = {}
        self.imports: dict[str, set[str]] = {}  # module -> what it imports, read once

    def imports_of(self, module: str) -> set[str]:
        found = self.imports.get(module)
        if found is None:
            found = self.imports[module] = _imports_of(self.graph, module)
        return found

    def __call__(self, path: str) -> list[str]:
        found = self.known.get(path)
        if found is None:
            found = self.known[path] = self._conditions(path)
        return found

    def _conditions(self, path: str) -> list[str]:
        module = self.module_at.get(path)
        if module is None:
            return [""]  # not in the graph: nothing tells what it imports
        code = _test_code_of(self.graph, module, self.library, self.imports_of)
        imported = {target for own in code for target in self.imports_of(own)}
        if not imported & self.library:
            return [f", imports no library code, and library package {package} changed"
                    for package in self.library_changed]
        return [f" and imports changed package {package}"
                for package in sorted({self.package_of(t) for t in imported} & self.packages)]


class _OnBehalf(_Selector):
    """A selection the rules run into for calls that start programs: each test they find is
    added to ``selection`` with the reasons ``prefixes`` gives its path (none: it is not
    kept), each followed by ``how`` it reaches the call and the rule's reason."""

    def __init__(self, selection: _Selector, prefixes: Callable[[str], Sequence[str]],
                 how: str) -> None:
        super().__init__(selection.test_files)
        self.selection, self.prefixes, self.how = selection, prefixes, how
        self.kept: set[str] = set()  # kept for the call already, with the reason that says all

    def add(self, path: str, reason: str) -> None:
        if path not in self.test_set or path in self.kept:
            return
        for prefix in self.prefixes(path):
            self.selection.add(path, f"{prefix}; {self.how}: {reason}")


def _test_code_of(graph: CodeGraph, module: str, library: Set[str],
                  imports_of: Callable[[str], set[str]]) -> list[str]:
    """``module`` and the modules of ours it imports that are test code (helpers beside the
    tests), and theirs in turn (``imports_of``: ``_imports_of`` on ``graph``)."""
    found = [module]
    seen = {module}
    queue = deque(found)
    while queue:
        for target in sorted(imports_of(queue.popleft())):
            if target not in seen and target not in library and target in graph:
                found.append(target)
                seen.add(target)
                queue.append(target)
    return found


def _imports_of(graph: CodeGraph, module: str) -> set[str]:
    """The modules ``module``'s code imports (its own import statements and its members')."""
    return {graph.module_of(target) for node in [module, *graph.members(module)]
            for target, kind in graph.successors(node) if kind == EdgeKind.IMPORTS}


def _reached_names(graph: CodeGraph, reached: set[str]) -> set[str] | None:
    """The short names of what reaches the change; None when any name may (``__getattr__``
    or an outside hook reaches it, or the graph recorded no hooks)."""
    hooks = graph.outside_hooks
    if not reached or hooks is None or reached & hooks:
        return None
    names = {_short_name(symbol) for symbol in reached}
    if names & {"__getattr__", "__getattribute__"}:
        return None
    return names


def _bounded_elsewhere(graph: CodeGraph, caller: str, names: set[str] | None) -> bool:
    """Do all of ``caller``'s unresolved calls ask for names that do not reach the change?"""
    return _bounded(graph.unresolved_names.get(caller, set()), names)


def _bounded(asked: set[str], names: set[str] | None) -> bool:
    """Are the names some calls ask for (``asked``, "" for any) all ones that nothing
    reaching the change has (``names``: see ``_reached_names``)?"""
    if names is None:
        return False
    return bool(asked) and "" not in asked and not asked & names


_GAVE_UP = "a call the linker gave up on"


def _unbounded(
    selector: _Selector,
    graph: CodeGraph, walker: _Callers,
    changed: set[str],
    imports: _ImportIndex,
) -> None:
    """``getattr(obj, name)()`` with nothing known of ``name``: its edges reach the members of
    the receiver's hierarchy, but an attribute may hold anything its module can reach. When
    the receiver's module is or imports a changed module, every test that reaches the call
    is kept. A receiver defined in a test file (a stand-in class a test hands to the code
    under test) can only come from that file: the tests that reach the call and are that
    file, or import it, are kept. A call the linker gave up on (``ANY_CALLEE``) may run
    anything: see ``_gave_up``."""
    for caller, receiver in graph.unbounded_sites:
        if caller not in graph or receiver == ANY_CALLEE:
            continue
        module = graph.module_of(receiver) if receiver in graph else receiver
        near = {module} | _imports_of(graph, module)
        hit = sorted(near & changed)
        if not hit:
            continue
        reason = (f"unbounded dynamic call in {caller} on {receiver}, whose module "
                  + ("is" if hit[0] == module else "imports") + f" changed module {hit[0]}")
        reaching = _callers_in_tests(walker, caller)
        if module in graph and graph.path_of(module) in selector.test_set:
            reaching &= imports.importers({module})
        for test_module in reaching:
            selector.add(graph.path_of(test_module), reason)


def _gave_up(
    selector: _Selector,
    graph: CodeGraph, walker: _Callers,
    changed: set[str],
    names: set[str] | None,
    imports: _ImportIndex,
) -> None:
    """A call whose callee had more values than the linker keeps (or was too deep to follow)
    may run anything, the changed code included, whatever edges the values it kept gave:
    every test that reaches such a call is kept when its process imports both a changed
    module and the call's module (no other test runs the changed code, or the call). As for
    unresolved calls, a caller whose given-up calls all ask for names that nothing reaching
    the change has (``x.lower()`` on strings past the limit) is left out: what those calls
    ask for (``graph.gave_up_names``), not what the caller's other, unresolved calls do,
    which the rules on unresolved calls judge as in any other caller's."""
    sites = sorted({caller for caller, receiver in graph.unbounded_sites
                    if receiver == ANY_CALLEE and caller in graph
                    and not _bounded(graph.gave_up_names.get(caller, set()), names)})
    if not sites or not changed:
        return
    changed_importers = {imports.path(m) for m in imports.importers(changed)}
    reaching: dict[str, set[str]] = {}  # caller -> the test modules that reach it
    seen: set[str] = set()
    for caller in sites:  # what an earlier site's walk met was walked from already
        if caller not in seen:
            reaching[caller] = _callers_in_tests(walker, caller, seen)
    for caller, tests in reaching.items():
        importers = imports.importer_paths(graph.module_of(caller))
        reason = f"{_GAVE_UP} in {caller} (it may run anything, the changed code included)"
        for test_module in sorted(tests):
            path = graph.path_of(test_module)
            if (_imported_by_test(path, changed_importers)
                    and _imported_by_test(path, importers)):
                selector.add(path, reason)


_LINKED_IN = frozenset({EdgeKind.CALLS.value, EdgeKind.REFERENCES.value, EdgeKind.EXPORTS.value})
# what lists the members of a class or module, to be looked up by their names: the only way
# code of ours finds a function nothing of ours names (a ``getattr`` of a computed name
# already links every member of the receiver's class)
_ENUMERATORS = frozenset({"inspect.getmembers", "inspect.getmembers_static", "<builtin>.dir",
                          "<builtin>.vars"})


def _enumerating(graph: CodeGraph, package_of: _Packages) -> set[str]:
    """The packages whose code lists members by ``_ENUMERATORS``."""
    return {package_of(graph.module_of(caller))
            for caller, called in graph.external_calls.items()
            if caller in graph and called & _ENUMERATORS}


def _found_at_run_time(
    selector: _Selector,
    graphs: Sequence[CodeGraph], walker: _Callers,
    reached: Iterable[str],
    imports: _ImportIndex,
) -> None:
    """A function or method of the library that the changes reach (a changed one, or one
    calling what changed) and that nothing of ours calls, refers to or re-exports, and that
    overrides nothing (``_unlinked``), runs only when code finds it at run time: outside
    code (a framework's hook), or code of ours that lists members (``_ENUMERATORS``) and a
    call of what it found, whose callee the linker lost. jmespath's
    ``Functions.call_function`` does ``function = self.FUNCTION_TABLE[name]["function"];
    function(self, *args)``, the table built by a metaclass from ``inspect.getmembers(cls)``
    for the methods named ``_func_*``, each of them called by no one in the graph. When the
    function's package lists members somewhere, an unresolved call that may run anything
    ("" among the names it asks for) in that package may run it: the tests that reach such a
    call are kept when their process imports that function's module and the call's module
    (as for ``_gave_up``). Across packages ``_unresolved_across`` keeps them for any change.
    (A package that lists nothing cannot find such a function: its unresolved calls of a
    parameter's value run what its callers passed, which they name.)"""
    if not graphs or not selector.test_set:
        return
    head = graphs[-1]
    orphans: dict[str, str] = {}  # an affected function nothing links to -> its package
    package_of = _Packages(head)
    enumerating = _enumerating(head, package_of)
    for symbol in sorted(set(reached)):
        graph = head if symbol in head else next(
            (g for g in reversed(graphs[:-1]) if symbol in g), None)
        package = package_of(symbol.split(":", 1)[0])
        if graph is not None and (
                (package in enumerating and _unlinked(graph, symbol, selector.test_set))
                or _only_referred(graph, symbol, selector.test_set)):
            orphans[symbol] = package
    if not orphans:
        return
    packages = set(orphans.values())
    sites = sorted({caller for caller, asked in head.unresolved_names.items()
                    if "" in asked and caller in head
                    and package_of(head.module_of(caller)) in packages})
    if not sites:
        return
    changed_importers = {imports.path(m) for m in imports.importers(
        {symbol.split(":", 1)[0] for symbol in orphans})}
    seen: set[str] = set()
    for caller in sites:
        if caller in seen:  # walked from already: its tests are an earlier site's
            continue
        orphan = next(s for s, p in sorted(orphans.items())
                      if p == package_of(head.module_of(caller)))
        importers = imports.importer_paths(head.module_of(caller))
        reason = (f"unresolved call in {caller} may run {orphan}, which is affected and "
                  "called by nothing of ours (found at run time)")
        for test_module in sorted(_callers_in_tests(walker, caller, seen)):
            path = head.path_of(test_module)
            if (_imported_by_test(path, changed_importers)
                    and _imported_by_test(path, importers)):
                selector.add(path, reason)


def _unlinked(graph: CodeGraph, symbol: str, tests: Set[str]) -> bool:
    """Is ``symbol`` a function or method of the library (not a test file's, not a special
    method) that nothing of ours calls, refers to or re-exports, and that overrides nothing:
    one only a lookup at run time finds (see ``_found_at_run_time``)?"""
    name = _short_name(symbol)
    if ":" not in symbol or (name.startswith("__") and name.endswith("__")):
        return False
    return (_library_function(graph, symbol, tests, ("function", "method"))
            and not any(kind in _LINKED_IN for _, kind in graph.predecessors(symbol))
            and not _overrides(graph, symbol))


def _library_function(graph: CodeGraph, symbol: str, tests: Set[str],
                      kinds: tuple[str, ...]) -> bool:
    """Is ``symbol`` a node of ``graph`` of one of ``kinds``, outside the test files and the
    conftests?"""
    if symbol not in graph or graph.node(symbol).get("kind") not in kinds:
        return False
    path = graph.path_of(symbol)
    return path not in tests and path_name(path) != CONFTEST


def _overrides(graph: CodeGraph, symbol: str) -> bool:
    return any(kind == EdgeKind.OVERRIDES.value for _, kind in graph.successors(symbol))


def _only_referred(graph: CodeGraph, symbol: str, tests: Set[str]) -> bool:
    """Is ``symbol`` a module-level function of the library that module code of ours refers
    to as a value, none calls (not even as outside code's callback), and that overrides
    nothing: one only a call through the values it went to runs, a call the linker lost when
    they went through an outside container? jsonschema 4.23's ``TypeChecker`` keeps
    ``{"any": is_any, ...}`` in an rpds ``HashTrieMap`` and calls
    ``fn = self._type_checkers[type]; fn(self, instance)``."""
    # a module-level function: a method's references from module code are mostly its own
    # class body's (``@default.setter``, ``property(getter)``), which a read of the attribute
    # runs, not a table
    if (":" not in symbol or "." in symbol.partition(":")[2]
            or not _library_function(graph, symbol, tests, ("function",))):
        return False
    users = list(graph.predecessors(symbol))
    referred = [source for source, kind in users if kind == EdgeKind.REFERENCES.value]
    # from module code alone: a table built as the module is imported (a function's own
    # reference hands it on to what that function calls, which links it, or returns it)
    return bool(referred) and all(":" not in source for source in referred) \
        and not any(kind == EdgeKind.CALLS.value for _, kind in users) \
        and not _overrides(graph, symbol)


def _gone_unlinked(
    selector: _Selector, graphs: Sequence[CodeGraph], reached: Iterable[str],
    processes: ProcessScope,
) -> None:
    """A function or method nothing of ours linked to (``_unlinked``) that the change removed
    or renamed was found, if at all, by a lookup at run time, and such a lookup may list what
    it finds, not only call it: a metaclass that keeps a class's ``_func_*`` methods in a
    table from ``inspect.getmembers(cls)`` (jmespath) runs as the class's module is imported,
    and a test reading the table's names fails when one is gone, though nothing reaches the
    change in the graph. When the function's package lists members somewhere
    (``_ENUMERATORS``), every test whose process imports its module (still there) is kept."""
    if len(graphs) < 2:
        return
    head = graphs[-1]
    package_of = _Packages(head)
    enumerating = _enumerating(head, package_of)
    for symbol in sorted(set(reached)):
        if symbol in head or package_of(symbol.split(":", 1)[0]) not in enumerating:
            continue
        base = next((g for g in reversed(graphs[:-1]) if symbol in g), None)
        if base is None or not _unlinked(base, symbol, selector.test_set):
            continue
        module = base.module_of(symbol)
        if module not in head:
            continue
        reason = (f"imports {module}, where {symbol}, which nothing of ours refers to, is gone "
                  "(a lookup at run time may have found it)")
        for path in processes.tests_of(processes.importing(module, selector.test_set)):
            selector.add(path, reason)


class _Callers:
    """Backward walks over one graph's calls and references, for the many the rules make
    (one per unresolved caller, per module: Django's 1,700 overlap on most of the graph):
    each node's callers and test module are read from the graph once."""

    def __init__(self, graph: CodeGraph, tests: Set[str]) -> None:
        self.graph = graph
        self.tests = tests
        self._callers: dict[str, list[str]] = {}
        self._test_module: dict[str, str | None] = {}
        # ``closure``: per node walked from, the marks of what reaches it (a bit per test module
        # and per module node), and the names the bits stand for
        self._marks: dict[str, int] = {}
        # (name, a test module, not a module node) by bit
        self._named: reach_bits.Named[tuple[str, bool]] = reach_bits.Named()
        self.test_bits = 0  # the bits of test modules

    def callers(self, node: str) -> list[str]:
        found = self._callers.get(node)
        if found is None:
            found = self._callers[node] = [
                source for source, kind in self.graph.predecessors(node)
                if kind in (EdgeKind.CALLS, EdgeKind.REFERENCES)]
        return found

    def closure(self, node: str) -> tuple[set[str], list[str]]:
        """What ``_callers_in_tests`` finds from ``node`` (the test modules whose code reaches
        it) and, in name order, the module nodes among the nodes that walk passes (module
        code that reaches it), without walking: what reaches each node is kept as bits,
        made once for the whole graph over its strongly connected parts (one walk per
        unresolved caller of Django's source tree and test suite took minutes)."""
        return self.names_of(self.marks(node))

    def marks(self, node: str) -> int:
        """What reaches ``node``, as bits (``names_of`` reads them; ``test_bits`` are those
        of test modules)."""
        marks = self._marks.get(node)
        if marks is None:
            reach_bits.close(node, self.callers, self._mark, self._marks)
            marks = self._marks[node]
        return marks

    def names_of(self, marks: int) -> tuple[set[str], list[str]]:
        """The test modules and, in name order, the module nodes that ``marks`` stand for."""
        tests: set[str] = set()
        modules: list[str] = []
        for name, test in self._named.of(marks):
            if test:
                tests.add(name)
            else:
                modules.append(name)
        return tests, sorted(modules)

    def _mark(self, node: str) -> int:
        found = 0
        module = self.test_module(node)
        if module is not None:
            bit = self._named.bit((module, True))
            self.test_bits |= bit
            found |= bit
        if ":" not in node and node in self.graph and self.graph.node(node).get(
                "kind") == "module":
            found |= self._named.bit((node, False))
        return found

    def test_module(self, node: str) -> str | None:
        """The module of ``node`` when it is a test file, else None."""
        if node in self._test_module:
            return self._test_module[node]
        module = self.graph.module_of(node)
        found = self._test_module[node] = (
            module if self.graph.path_of(module) in self.tests else None)
        return found


def _callers_in_tests(
    walker: _Callers, node: str, seen: set[str] | None = None,
    walked: set[str] | None = None,
) -> set[str]:
    """The test modules whose code reaches ``node`` through calls and references. ``seen``:
    nodes not to walk from (filled in with those walked now); ``walked``: filled in with the
    nodes walked now."""
    found: set[str] = set()
    if seen is None:
        seen = set()
    seen.add(node)
    queue = deque([node])
    callers, test_module = walker.callers, walker.test_module
    while queue:
        current = queue.popleft()
        if walked is not None:
            walked.add(current)
        module = test_module(current)
        if module is not None:
            found.add(module)
        for source in callers(current):
            if source not in seen:
                seen.add(source)
                queue.append(source)
    return found


class _ImportIndex:
    """Who imports whom, over both revisions' summaries (a file that fails in one revision is
    read in the other).

    Built from the module names and paths alone (a graph's module nodes): a summary is read
    only for what is asked of it (an error, the imports once ``importers`` is called), so a
    graph whose summaries are read lazily is not decoded whole for a question about one file.
    """

    def __init__(self, graphs: Sequence[CodeGraph]) -> None:
        self.graphs = list(graphs)
        self.owner: dict[str, CodeGraph] = {}  # module -> the graph whose summary counts
        self.paths_of: dict[str, str] = {}
        self.by_path: dict[str, list[tuple[CodeGraph, str]]] = defaultdict(list)
        for graph in graphs:  # the head last: its paths win
            for module in graph.summaries:  # the names only: nothing decoded
                path = module_path(graph, module)
                self.owner[module] = graph
                self.paths_of[module] = path
                self.by_path[path].append((graph, module))
        self._imported_by: dict[str, set[str]] | None = None
        self._importer_paths: dict[str, frozenset[str]] = {}

    def paths(self) -> list[str]:
        return list(self.by_path)

    def error(self, path: str) -> str | None:
        for graph, module in self.by_path.get(path, ()):
            error = graph.summaries[module].error
            if error:
                return error
        return None

    def module(self, path: str) -> str | None:
        found = self.by_path.get(path)
        return found[-1][1] if found else None

    def path(self, module: str) -> str:
        return self.paths_of.get(module, "")

    def modules_under(self, folder: str) -> set[str]:
        prefix = folder.rstrip("/") + "/"
        return {m for m, path in self.paths_of.items() if path.startswith(prefix)}

    def importer_paths(self, module: str) -> frozenset[str]:
        """The paths of ``module`` and of every module that imports it, directly or not
        (asked once per module: a rule asks it for each of thousands of calls)."""
        found = self._importer_paths.get(module)
        if found is None:
            found = self._importer_paths[module] = frozenset(
                self.path(m) for m in self.importers({module}))
        return found

    def importers(self, modules: Iterable[str]) -> set[str]:
        """``modules`` and every module that imports one of them, directly or not."""
        imported_by = self._index()
        found = set(modules)
        queue = deque(found)
        while queue:
            for importer in imported_by.get(queue.popleft(), ()):
                if importer not in found:
                    found.add(importer)
                    queue.append(importer)
        return found

    def _index(self) -> dict[str, set[str]]:
        if self._imported_by is None:
            index: dict[str, set[str]] = defaultdict(set)
            for module, graph in self.owner.items():
                targets = graph.module_imports.get(module)
                if targets is None:  # not recorded (a graph stored before): its summary's
                    summary = graph.summaries[module]
                    targets = running_imports(summary)
                    module = summary.module
                for target in targets:
                    parts = graph.imported_as(target).split(".")
                    # ``import a.b.c`` runs a, a.b and a.b.c
                    for cut in range(1, len(parts) + 1):
                        prefix = ".".join(parts[:cut])
                        if prefix in self.owner and prefix != module:
                            index[prefix].add(module)
            self._imported_by = dict(index)
        return self._imported_by

