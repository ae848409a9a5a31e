"""Which of our modules a test file's pytest process can import, and whether a chain to a
change can run there.

A function runs in a process only once its module was imported there. A pytest process that
runs a test file imports the file, the ``conftest.py`` of its folder and of every folder above,
the packages they are in, and everything those import, directly or not (an import anywhere in
a module, in a function too, and in either revision). A chain from a change to a test file that
passes through a module outside that closure cannot run in it: a protocol call on an unknown
receiver (``copy.deepcopy(x)`` reaches every class's ``__reduce__``) or a call through
merged values reaches a class of a package the test never imports. The test is kept when
another way to the change stays inside the closure (the graphs are walked again from the
change with only the closure's nodes).

A module of ours that defines pytest hooks (``pytest_*`` functions) outside a ``conftest.py`` may
be a plugin pytest loads in every process (a ``pytest11`` entry point, ``-p``): it and what it
imports are in every closure.

The closure is unknown (nothing is filtered) when code in it imports by a computed name
(``importlib.import_module``, ``__import__``, ``exec``, unpickling, an outside ``import_string``)
or the test file or a conftest of it names pytest plugins (``pytest_plugins``): what those load
is out of sight. Only the graphs are read (its nodes, import edges and outside calls), and the
summaries of the test file and its conftests: nothing else is decoded.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Sequence, Set

from impactgraph.impact import reach_bits
from impactgraph.impact.by_path import module_path
from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

CONFTEST = "conftest.py"
PLUGINS_KEY = "|<pytest_plugins>"
# calls that load a module by a name computed at run time, or run code that may import one
DYNAMIC_LOADERS = frozenset({
    "<builtin>.__import__", "<builtin>.exec", "<builtin>.eval", "<builtin>.compile",
    "importlib.__import__", "importlib.import_module", "importlib.reload",
    "importlib.util.module_from_spec", "importlib.util.spec_from_file_location",
    "importlib.util.find_spec", "importlib.metadata.entry_points", "runpy.run_module",
    "runpy.run_path", "pkgutil.iter_modules", "pkgutil.walk_packages", "pkgutil.resolve_name",
    "pickle.load", "pickle.loads", "pickle.Unpickler", "shelve.open", "pydoc.locate",
    "pkg_resources.iter_entry_points", "pkg_resources.load_entry_point",
})
# of those, the ones that run source rather than load a module by its name
CODE_RUNNERS = frozenset({"<builtin>.exec", "<builtin>.eval", "<builtin>.compile"})


def _loads_dynamically(dotted: str) -> bool:
    name = dotted.rsplit(".", 1)[-1]
    # an outside helper that imports by name (werkzeug's ``import_string``, Django's)
    return dotted in DYNAMIC_LOADERS or "import" in name.lower() or "entry_point" in name


class ProcessScope:
    def __init__(self, graphs: Sequence[CodeGraph], test_files: Set[str] = frozenset()) -> None:
        """``test_files``: the test files (pytest collects them; no plugin is one)."""
        self.graphs = list(graphs)
        self.test_files = test_files
        self._imports: dict[str, set[str]] | None = None
        self._dynamic: set[str] | None = None
        self._importing_by_name: set[str] = set()  # made with ``_dynamic``
        self._by_path: dict[str, str] = {}
        for graph in self.graphs:  # the head last: its paths win
            for module in graph.summaries:  # the names only: nothing decoded
                self._by_path[module_path(graph, module)] = module
        self._known = set(self._by_path.values())
        self._closures: dict[tuple[str, bool], frozenset[str]] = {}
        # module -> what importing it runs, as bits (``reach_bits``), and the module of each bit
        self._runs: dict[str, int] = {}
        self._modules: reach_bits.Named[str] = reach_bits.Named()
        self._plugins: list[str] | None = None
        self._walks: dict[tuple[frozenset[str], str], set[str]] = {}
        # the test files asked of ``importing``, a bit each, and per module of ours the bits of
        # those whose process imports it; per set of test files asked, its bits
        self._tests: reach_bits.Named[str] = reach_bits.Named()
        self._importing: dict[str, int] = defaultdict(int)
        self._masks: dict[frozenset[str], int] = {}

    def may_run(self, test_path: str, via: Sequence[str]) -> bool:
        """Can the chain ``via`` (from a change to code in the test file at ``test_path``), or
        another way from its change, run in that test file's process?"""
        test_module = self._by_path.get(test_path)
        if not via or test_module is None:
            return True
        # what the test file and its conftests import is enough for most chains: the plugins
        # and dynamic imports are asked after that only
        if all(_module_of(node) in self._closure(test_path, False) for node in via):
            return True
        closure = self.closure(test_path)
        if closure is None:
            return True
        if all(_module_of(node) in closure for node in via):
            return True
        seed = via[0]
        if _module_of(seed) not in closure:
            return False  # the changed code itself never runs there
        return test_module in self._reached_modules(closure, seed)

    def closure(self, test_path: str) -> frozenset[str] | None:
        """The modules of ours the process of the test file at ``test_path`` may import; None
        when unknown."""
        found = self._closure(test_path, True)
        if found & self._dynamic_modules() or any(self._lists_plugins(m)
                                                  for m in self._start(test_path, False)):
            return None
        return found

    def imported(self, test_path: str) -> frozenset[str]:
        """The modules of ours the test file's process imports by name: ``closure`` without
        what a computed name may add."""
        return self._closure(test_path, True)

    def importing(self, module: str, test_paths: frozenset[str]) -> int:
        """The test files of ``test_paths`` whose process imports ``module`` by name (as
        ``imported``), as bits: ``tests_of`` names them. A rule that asks this of every test
        file for each of thousands of modules asked each file's closure millions of times
        (Django's sdist: 242 million)."""
        mask = self._masks.get(test_paths)
        if mask is None:
            mask = 0
            for path in sorted(test_paths):
                known = path in self._tests
                bit = self._tests.bit(path)
                if not known:
                    for imported in self.imported(path):
                        self._importing[imported] |= bit
                mask |= bit
            self._masks[test_paths] = mask
        return self._importing.get(module, 0) & mask

    def tests_of(self, bits: int) -> list[str]:
        """The test files that ``bits`` (from ``importing``) stand for, in name order."""
        return sorted(self._tests.of(bits))

    def import_closure(self, module: str) -> frozenset[str] | None:
        """The modules of ours importing ``module`` runs: it, its packages, what they import,
        in turn; None when code among them imports by a computed name (pydantic's package
        ``__getattr__`` imports its submodules on first use). Running source it builds
        (``eval``/``exec``/``compile``: attrs' generated ``__init__``) is not counted as
        importing anything."""
        found = self._imports_from([module])
        return None if found & self._dynamic_modules(code=False) else found

    def program_closure(self, modules: Iterable[str]) -> frozenset[str] | None:
        """The modules of ours a program that starts from ``modules`` (runs or imports them)
        imports; None when code among them imports by a computed name."""
        found = self._imports_from(modules)
        return None if found & self._dynamic_modules() else found

    def _closure(self, test_path: str, plugins: bool) -> frozenset[str]:
        key = (test_path, plugins)
        if key in self._closures:
            return self._closures[key]
        self._closures[key] = self._imports_from(self._start(test_path, plugins))
        return self._closures[key]

    def _imports_from(self, start: Iterable[str]) -> frozenset[str]:
        """``start`` and every module importing them runs, directly or not (what each module
        runs is made once, over the import graph's strongly connected parts: 1,900 test
        files of Django's each walking most of its modules took a minute)."""
        runs = self._runs
        bits = 0
        for module in start:
            reach_bits.close(module, self._runs_next, self._modules.bit, runs)
            bits |= runs[module]
        return frozenset(self._modules.of(bits))

    def _runs_next(self, module: str) -> tuple[str, ...]:
        """What importing ``module`` imports: ``a.b.c`` runs the packages ``a`` and ``a.b``
        first, then what it imports (asked once per module: ``reach_bits.close`` keeps the
        answer)."""
        parts = module.split(".")
        packages = [".".join(parts[:cut]) for cut in range(1, len(parts))]
        return (*(p for p in packages if p in self._known), *self._index().get(module, ()))

    def _start(self, test_path: str, plugins: bool) -> list[str]:
        """The test file's module, its conftests' (its folder's and every folder's above),
        and with ``plugins`` the modules that may be plugins."""
        start = [self._by_path[test_path]] if test_path in self._by_path else []
        if plugins:
            start.extend(self._plugin_modules())
        folder = test_path.rpartition("/")[0]
        while True:
            conftest = f"{folder}/{CONFTEST}" if folder else CONFTEST
            if conftest in self._by_path:
                start.append(self._by_path[conftest])
            if not folder:
                break
            folder = folder.rpartition("/")[0]
        return start

    def _plugin_modules(self) -> list[str]:
        """Modules (not a test file or ``conftest.py``) that define a pytest hook."""
        if self._plugins is None:
            found: set[str] = set()
            for graph in self.graphs:
                for function in graph.nodes("function"):
                    module, _, name = function.partition(":")
                    if not name.startswith("pytest_") or "." in name:
                        continue
                    path = graph.path_of(module) if module in graph else ""
                    if path.rpartition("/")[2] != CONFTEST and path not in self.test_files:
                        found.add(module)
            self._plugins = sorted(found)
        return self._plugins

    def _index(self) -> dict[str, set[str]]:
        """Module -> the modules of ours its code imports, in either revision (the graphs'
        import edges: ``TYPE_CHECKING`` imports never run and have none), or names by a
        dotted string for outside code to import (a reference marked ``callback``: the
        formatter class a ``logging.config.dictConfig`` entry names, ``"()":
        "pkg.fmt.JsonFormatter"``). Read from the graphs, not the summaries: nothing is
        decoded."""
        if self._imports is None:
            index: dict[str, set[str]] = defaultdict(set)
            for graph in self.graphs:
                for module in graph.nodes("module"):
                    for node in [module, *graph.members(module)]:
                        for target, kind in graph.successors(node):
                            if target not in graph:
                                continue
                            if kind == EdgeKind.IMPORTS or (
                                    kind == EdgeKind.REFERENCES
                                    and graph.edge_field(node, target, kind, "callback")):
                                index[module].add(graph.module_of(target))
            self._imports = dict(index)
        return self._imports

    def _dynamic_modules(self, code: bool = True) -> set[str]:
        """Modules whose code imports by a computed name; with ``code``, or runs source."""
        if self._dynamic is None:
            self._dynamic, self._importing_by_name = set(), set()
            for graph in self.graphs:
                for caller, callees in graph.external_calls.items():
                    loaders = [callee for callee in callees if _loads_dynamically(callee)]
                    if loaders:
                        self._dynamic.add(_module_of(caller))
                    if any(loader not in CODE_RUNNERS for loader in loaders):
                        self._importing_by_name.add(_module_of(caller))
        return self._dynamic if code else self._importing_by_name

    def _lists_plugins(self, module: str) -> bool:
        """Does ``module`` (a test file or conftest) set ``pytest_plugins``?"""
        return any(key.endswith(PLUGINS_KEY) for graph in self.graphs
                   if module in graph.summaries for key, _ in graph.summaries[module].bindings)

    def _reached_modules(self, closure: frozenset[str], seed: str) -> set[str]:
        """The modules whose code reaches ``seed`` through nodes of ``closure``'s modules only
        (every edge of either revision)."""
        key = (closure, seed)
        found = self._walks.get(key)
        if found is None:
            found = set()
            seen = {seed}
            queue = deque([seed])
            while queue:
                node = queue.popleft()
                found.add(_module_of(node))
                for graph in self.graphs:
                    if node not in graph:
                        continue
                    for source, _ in graph.predecessors(node):
                        if source not in seen and _module_of(source) in closure:
                            seen.add(source)
                            queue.append(source)
            self._walks[key] = found
        return found


def _module_of(node: str) -> str:
    return node.split(":", 1)[0]
