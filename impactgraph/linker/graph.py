"""CodeGraph: the linked function-level graph. The only module that touches networkx."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from impactgraph.discovery import path_names, through_paths
from impactgraph.model import (
    Diagnostic,
    EdgeKind,
    FileSummary,
    NamedFile,
    Program,
    symbol_module,
    top_package,
)

if TYPE_CHECKING:
    from impactgraph.linker.stored import StoredGraph


def _networkx() -> Any:
    """networkx, imported on first use: it costs 0.2 s, and most commands start without it."""
    import networkx

    return networkx


def _edge_keys(graph: Any, source: str, target: str) -> dict[str, dict[str, Any]]:
    """The edges ``source`` -> ``target`` of networkx MultiDiGraph ``graph`` by key, made
    empty (with the nodes at either end) where there are none, in its own adjacency dicts
    (``_node``, ``_succ``, ``_pred``: the layout of every networkx version we support), as
    its ``add_edge`` makes them. The caller clears networkx's cached views."""
    node, succ, pred = graph._node, graph._succ, graph._pred
    for end in (source, target):
        if end not in node:
            node[end], succ[end], pred[end] = {}, {}, {}
    keys: dict[str, dict[str, Any]] | None = succ[source].get(target)
    if keys is None:
        keys = succ[source][target] = pred[target][source] = {}
    return keys


def _multidigraph() -> Any:
    return _networkx().MultiDiGraph()


EDGE_KINDS = tuple(kind.value for kind in EdgeKind)  # plain strings, in drawing order
# the receiver of an unbounded site that is a call the linker gave up on: it may run anything
ANY_CALLEE = "*"
# EdgeKind (or its text, which hashes and compares as the member) -> the plain text
_EDGE_KEYS: dict[str, str] = {kind: kind.value for kind in EdgeKind}


# an edge's ``recv`` or ``sites`` list this long is looked up in a set kept beside it
LONG_EDGE_LISTS = 16
# the successors of a node networkx does not have (``add_edge`` reads, never writes it)
_NO_EDGES: dict[str, Any] = {}


@dataclass
class CodeGraph:
    """Symbols and modules as nodes; edges keyed by kind (``EDGE_KINDS``).

    Edge attributes: ``line``; ``bound``, ``dispatch``, ``named``, ``sites`` (see
    ``add_edge``); ``dynamic``: a call through a name computed at run time
    (``getattr(self, "visit_" + kind)(node)``, ``getattr(obj, name)()``), which reaches every
    member of the receiver's class hierarchy whose name fits what is known of the name;
    ``unbounded`` (present only when true): every call that made the edge reached the target
    through a name nothing is known of (``getattr(obj, name)``), directly or through the
    variables, attributes, parameters and returns the value went through: a guess;
    ``main``: an edge from a module made only by its ``if __name__ == "__main__":`` block
    (``CallSite.main``): that code runs when the module runs as a program, not on import.

    ``unbounded_sites``: ``(caller, receiver)`` once per caller and receiver for each call
    through ``getattr`` whose name nothing is known of, on a receiver we know (a class, or
    a module); ``receiver`` is the class's symbol id or the module's name. Its ``dynamic``
    edges go to every member of that receiver's hierarchy (dunders left out), but nothing
    bounds what it calls: test selection treats such a site on the path to a change as a
    reason to fail open. ``receiver`` ``ANY_CALLEE``: a call the linker gave up on (its callee
    had more values than the linker keeps, ``resolve.MAX_VALUES``, or was too deep to follow):
    it may run anything at all, and test selection fails open there too.

    A graph read from a snapshot (``from_stored``) answers the reading methods from its
    stored rows (``linker.stored``); its networkx ``graph`` is built at first use.
    """

    summaries: dict[str, FileSummary] = field(default_factory=dict)  # module -> summary
    # module -> what its import statements that run name (``ImportBinding.target``, those
    # under ``TYPE_CHECKING`` left out), as its summary has them: who imports whom, without
    # decoding every summary (empty for a graph stored before this was recorded)
    module_imports: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # module -> the Python files its code names by a path (``FileSummary.named_files``), for
    # the modules that name any: test selection reads them without decoding every summary
    named_files: dict[str, tuple[NamedFile, ...]] = field(default_factory=dict)
    # caller -> external or builtin callees, in the pycg spelling ("os.path.join", "<builtin>.len")
    external_calls: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # caller -> the program each of its calls of a ``PROGRAM_RUNNERS`` callee starts
    # (``indexer/programs.py``), None for one the indexer could not tell
    programs: dict[str, set[Program | None]] = field(default_factory=lambda: defaultdict(set))
    unresolved_calls: int = 0
    unresolved_sites: list[tuple[str, int]] = field(default_factory=list)
    # caller -> the method names its unresolved calls, and the calls the linker gave up on
    # (``ANY_CALLEE``), ask for (``x.name(...)``), "" for a call that could run anything (test
    # selection fails open on it); a caller missing here (a graph stored before this was
    # recorded) counts as "" too
    unresolved_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # caller -> what its calls the linker gave up on (``ANY_CALLEE``) ask for, alone: the
    # names as above, "" for one that may run anything; the caller's other unresolved calls
    # are for the rules on unresolved calls (a caller with a given-up call missing here
    # counts as "")
    gave_up_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # methods outside code may run on our object under another name (an override of an
    # outside base's method); None when not recorded (a graph stored before)
    outside_hooks: set[str] | None = None
    # those of them whose names an outside base may define (``Resolver.external_hooks`` with
    # ``defined``): what its code runs by its own names, not by names it computes; None when
    # not recorded
    outside_overrides: set[str] | None = None
    unbounded_sites: list[tuple[str, str]] = field(default_factory=list)  # (caller, receiver)
    # the same as a set: a graph may have thousands of sites the linker gave up on
    _unbounded_seen: set[tuple[str, str]] = field(
        default_factory=set, repr=False, compare=False)
    warnings: list[Diagnostic] = field(default_factory=list)
    _members: dict[str, list[str]] | None = None
    _path_names: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _imported_as: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # (edge, "recv" or "sites") -> the entries of that long list of the edge, as a set: what
    # ``add_edge`` adds to it is looked up, not searched for
    _given: dict[tuple[str, str, str, str], set[tuple[Any, ...]]] = field(
        default_factory=dict, repr=False, compare=False)
    _networkx: Any = field(default=None, repr=False, compare=False)
    _stored: StoredGraph | None = field(default=None, repr=False, compare=False)
    # while the linker links a site of a main block: its module, whose edges ``add_edge``
    # marks ``main`` (see ``main_block``)
    _main_source: str | None = field(default=None, repr=False, compare=False)
    # while the linker links a call site in source the code generates (see ``generated_site``)
    _generated_site: bool = field(default=False, repr=False, compare=False)
    _poly_site: bool = field(default=False, repr=False, compare=False)

    @classmethod
    def from_stored(cls, stored: StoredGraph) -> CodeGraph:
        graph = cls()
        graph._stored = stored
        return graph

    @property
    def graph(self) -> Any:
        """The networkx MultiDiGraph (built from the stored rows at first use)."""
        if self._networkx is None:
            self._networkx = _multidigraph()
            stored, self._stored = self._stored, None
            if stored is not None:
                self.load(stored.node_items(), stored.edge_items())
        return self._networkx

    def stored_rows(self) -> tuple[list[Any], list[Any]] | None:
        """The node and edge rows this graph was read from (``linker.stored``), as long as
        its networkx graph was not built (it may differ from them from then on)."""
        stored = self._stored
        return None if stored is None else (stored.rows, stored.edges)

    def move_edge_lines(self, maps: Mapping[str, Mapping[int, int]]) -> bool:
        """The line of every edge from a module in ``maps`` moved (module -> old line -> new
        line); False, with nothing moved, when such an edge's line is not in its map.
        A graph read from a snapshot moves its rows: no networkx graph is built."""
        if self._stored is not None:
            return self._stored.move_edge_lines(maps)
        moved: list[tuple[dict[str, Any], int]] = []
        for source, _, data in self.graph.edges(data=True):
            mapping = maps.get(symbol_module(source))
            line = data.get("line")
            if mapping is None or not line:
                continue
            if line not in mapping:
                return False
            moved.append((data, mapping[line]))
        for data, line in moved:
            data["line"] = line
        return True

    def set_node_lines(self, node: str, line: int, end_line: int) -> None:
        """A node's ``line`` and ``end_line`` (KeyError: no such node)."""
        if self._stored is not None:
            self._stored.set_node_lines(node, line, end_line)
            return
        data = self.graph.nodes[node]
        data["line"], data["end_line"] = line, end_line

    # -- building ------------------------------------------------------------------------
    def add_node(self, node: str, **attributes: Any) -> None:
        self.graph.add_node(node, **attributes)
        self._members = None

    def members(self, module: str) -> list[str]:
        """The symbol nodes defined in ``module`` (not the module node itself)."""
        if self._stored is not None:
            return self._stored.members(module)
        if self._members is None:
            index: dict[str, list[str]] = defaultdict(list)
            for node, data in self.graph.nodes(data=True):
                if data.get("kind") != "module":
                    index[str(data.get("module", symbol_module(node)))].append(node)
            self._members = dict(index)
        return self._members.get(module, [])

    def main_block(self, source: str | None) -> None:
        """The edges ``source`` (a module, linking its main block's sites) makes from now
        on are marked ``main``, unless other code makes them too; None: none is."""
        self._main_source = source

    def generated_site(self, generated: bool) -> None:
        """The sites ``add_edge`` is given from now on are (True) or are not calls in source
        the code generates (``linker.generated_call``)."""
        self._generated_site = generated

    def poly_site(self, poly: bool) -> None:
        """The calls ``add_edge`` is given from now on run one of several things (True: the
        callee had more than one value) or the one thing they name (False)."""
        self._poly_site = poly

    def add_edge(
        self,
        source: str,
        target: str,
        kind: EdgeKind,
        line: int = 0,
        bound: bool = False,
        dispatch: bool = False,
        named: bool = False,
        site: int | None = None,
        dynamic: bool = False,
        callback: bool = False,
        recv: Collection[tuple[str, str]] | None = None,
        unbounded: bool = False,
    ) -> None:
        """``bound``: a call through an instance, whose first parameter (self) is taken.

        ``dispatch``: the target is only one of the receivers a call through a base class or
        interface may reach (class hierarchy analysis); a direct call clears the mark.
        ``named``: the call names a decorated function whose wrapper is what runs.
        ``site``: the index, in its file's ``FileSummary.calls``, of the call site whose own
        arguments reach ``target``: one edge gathers every such site of the caller, each with
        its ``bound``, so each call is judged against the signature it calls (two calls on one
        line, ``f(g(x))``, are two sites).
        ``dynamic``: the call's name is computed at run time; a written call clears the mark.
        ``unbounded``: nothing is known of that name (implies ``dynamic``); a call whose name
        is written, or known in part, clears the mark.
        ``callback``: outside code may call ``target``: the source handed it (or an object of
        its class) to code outside the code base; a written call clears the mark.
        ``recv``: the ``(given, receiver)`` entries of this call (``linker.receivers``): on
        whose object it runs the target, and for which class of the caller's ``self``. The
        edge keeps them (``recv``, sorted) only while every call adding it gave some: one
        that did not (None) makes the edge's receivers unknown (no ``recv``).
        ``main``: set by ``main_block``; the same edge made by other code clears the mark.
        ``generated``: every site of the edge is a call in source the code generates (set by
        ``generated_site``), so no call the source's code runs makes it; a site that is not
        clears the mark.
        ``poly``: every call making the edge had several callee values (set by ``poly_site``):
        the target is one of the things it may run, not the one it runs (a call through a
        variable that holds many functions, ``func(*args)`` in a decorator's wrapper); a call
        with one value clears the mark.
        """
        # the graph holds plain strings (JSON, stored graphs, f-strings); a dict, not
        # EdgeKind(kind).value: this runs for every edge
        key = _EDGE_KEYS[kind]
        if source == target and key != "calls":
            return
        main = source == self._main_source
        # networkx's own dicts, written as its add_edge writes them (see ``load``): its
        # get_edge_data raises and catches a KeyError for every new edge, and this runs for
        # every edge
        graph = self.graph
        succ = graph._succ
        keys = succ.get(source, _NO_EDGES).get(target)
        data: dict[str, Any] | None = None if keys is None else keys.get(key)
        if data is None:
            if keys is None:
                keys = _edge_keys(graph, source, target)
            data = {"line": line, "bound": bound, "dispatch": dispatch, "named": named,
                    "dynamic": dynamic, "callback": callback}
            keys[key] = data
            cache = getattr(graph, "__networkx_cache__", None)  # networkx >= 3.3 caches views
            if cache:
                cache.clear()
            if recv:
                data["recv"] = sorted([given, receiver] for given, receiver in set(recv))
            if main:
                data["main"] = True
            if unbounded:
                data["unbounded"] = True
            if self._poly_site and key == "calls":
                data["poly"] = True
        else:
            if "recv" in data:
                if recv:
                    self._add_receivers(source, target, key, data["recv"], recv)
                else:
                    del data["recv"]
            if not main and data.get("main"):
                del data["main"]  # other code makes it too
            if not unbounded and data.get("unbounded"):
                del data["unbounded"]  # called by a name known, at least in part
            if not self._poly_site and data.get("poly"):
                del data["poly"]  # a call that can run nothing else makes it too
        if (
            (data.get("dispatch") and not dispatch) or (data.get("named") and not named)
            or (data.get("dynamic") and not dynamic) or (data.get("callback") and not callback)
        ):
            data.update(line=line, bound=bound, dispatch=dispatch, named=named, dynamic=dynamic,
                        callback=callback)
        if site is not None:
            sites = data.get("sites")
            if sites is None:
                sites = data["sites"] = []
                if self._generated_site:
                    data["generated"] = True
            elif not self._generated_site and data.get("generated"):
                del data["generated"]
            self._add_site((source, target, key), sites, site, bound)

    def _add_site(self, edge: tuple[str, str, str], sites: list[list[Any]], site: int,
                  bound: bool) -> None:
        given = self._entries_of(edge, "sites", sites)
        if (site, bound) not in given:
            given.add((site, bound))
            sites.append([site, bound])

    def _add_receivers(self, source: str, target: str, key: str, entries: list[list[str]],
                       recv: Collection[tuple[str, str]]) -> None:
        """Add ``recv`` to the edge's sorted ``entries``, in place: a method of a base class
        called on ``self`` gains an entry per subclass the linker evaluates it for, and
        sorting them all again for each (1,026 for Django's ``SimpleTestCase``, with its
        test suite) was a third of the link."""
        known = self._entries_of((source, target, key), "recv", entries)
        for given, receiver in sorted(set(recv) - known):
            bisect.insort(entries, [given, receiver])
            known.add((given, receiver))

    def _entries_of(self, edge: tuple[str, str, str], name: str,
                    entries: list[list[Any]]) -> set[tuple[Any, ...]]:
        """The entries of the edge's list ``name`` as a set, for the caller to add to as it
        adds to the list: kept beside a long list, made again for a short one (few edges
        have long lists), and made again when the list was set elsewhere."""
        key = (*edge, name)
        known = self._given.get(key)
        if known is None or len(known) != len(entries):
            known = {tuple(entry) for entry in entries}
            if len(entries) >= LONG_EDGE_LISTS:
                self._given[key] = known
        return known

    def load(
        self,
        nodes: Iterable[tuple[str, dict[str, Any]]],
        edges: Iterable[tuple[str, str, str, dict[str, Any]]],
    ) -> None:
        """Add many nodes, then many (source, target, kind, attributes) edges, as ``add_node``
        and networkx's ``add_edge`` would one at a time, with the same result and order; a
        stored graph is read this way (``add_edge`` per edge is three quarters of the time).

        Writes networkx's adjacency dicts directly (``_node``, ``_succ``, ``_pred``: the
        layout of every networkx version we support); the attribute dicts are taken over.
        """
        graph = self.graph
        node, succ, pred = graph._node, graph._succ, graph._pred
        for name, attributes in nodes:
            if name in node:
                node[name].update(attributes)
            else:
                node[name], succ[name], pred[name] = attributes, {}, {}
        for source, target, kind, attributes in edges:
            keys = _edge_keys(graph, source, target)
            if kind in keys:
                keys[kind].update(attributes)
            else:
                keys[kind] = attributes
        clear = getattr(_networkx(), "_clear_cache", None)  # networkx >= 3.3 caches views
        if clear is not None:
            clear(graph)
        self._members = None

    def add_unbounded_site(self, caller: str, receiver: str) -> None:
        seen = self._unbounded_seen
        if len(seen) != len(self.unbounded_sites):  # the list was set from elsewhere
            seen.clear()
            seen.update(self.unbounded_sites)
        if (caller, receiver) not in seen:
            seen.add((caller, receiver))
            self.unbounded_sites.append((caller, receiver))

    # -- reading -------------------------------------------------------------------------
    def __contains__(self, node: object) -> bool:
        if self._stored is not None:
            return node in self._stored
        return node in self.graph

    def node(self, node: str) -> dict[str, Any]:
        if self._stored is not None:
            return self._stored.attributes(node)
        return dict(self.graph.nodes[node])

    def nodes(self, kind: str | None = None) -> Iterator[str]:
        if self._stored is not None:
            yield from self._stored.nodes(kind)
            return
        for node, data in self.graph.nodes(data=True):
            if kind is None or data.get("kind") == kind:
                yield node

    def edges(self, kinds: Iterable[str] | None = None) -> Iterator[tuple[str, str, str]]:
        wanted = set(kinds) if kinds is not None else None
        if self._stored is not None:
            yield from self._stored.edge_list(wanted)
            return
        for source, target, kind in self.graph.edges(keys=True):
            if wanted is None or kind in wanted:
                yield source, target, kind

    def edge_kinds(self, source: str, target: str) -> set[str]:
        """The kinds of the edges from ``source`` to ``target`` (one lookup, not a scan)."""
        if self._stored is not None:
            return self._stored.edge_kinds(source, target)
        found = self.graph.get_edge_data(source, target)
        return set(found) if found else set()

    def predecessors(self, node: str) -> Iterator[tuple[str, str]]:
        """(source, kind) of every edge that ends at ``node``."""
        if self._stored is not None:  # a list: the walks ask this of every node they reach
            return iter(self._stored.predecessors(node))
        keyed = self.graph._pred.get(node)  # networkx's own dict: in_edges() makes views per call
        if keyed is None:
            return iter(())
        return ((source, kind) for source, kinds in keyed.items() for kind in kinds)

    def successors(self, node: str) -> Iterator[tuple[str, str]]:
        if self._stored is not None:
            return iter(self._stored.successors(node))
        keyed = self.graph._succ.get(node)
        if keyed is None:
            return iter(())
        return ((target, kind) for target, kinds in keyed.items() for kind in kinds)

    def has_edge(self, source: str, target: str, kind: str) -> bool:
        """Is there an edge of ``kind`` from ``source`` to ``target``?"""
        if self._stored is not None:
            return self._stored.has_edge(source, target, kind)
        return bool(self.graph.has_edge(source, target, key=kind))

    def edge_field(self, source: str, target: str, kind: str, name: str) -> Any:
        """One attribute of an edge (None: absent, or no such edge), without the others."""
        if self._stored is not None:
            return self._stored.edge_field(source, target, kind, name)
        data = self.graph.get_edge_data(source, target, key=kind)
        return data.get(name) if data else None

    def into_field(self, node: str, name: str) -> list[tuple[str, str, Any]]:
        """(source, kind, one attribute or None) of every edge that ends at ``node``: what
        ``edge_field`` gives for each of ``predecessors``, in one pass."""
        if self._stored is not None:
            return self._stored.into_field(node, name)
        keyed = self.graph._pred.get(node)
        if keyed is None:
            return []
        return [(source, kind, data.get(name))
                for source, kinds in keyed.items() for kind, data in kinds.items()]

    def into_fields(self, node: str, names: tuple[str, ...]
                    ) -> list[tuple[str, str, tuple[Any, ...]]]:
        """``into_field`` of several attributes at once: (source, kind, the attributes
        ``names``, each None when absent) of every edge that ends at ``node``."""
        if self._stored is not None:
            return self._stored.into_fields(node, names)
        keyed = self.graph._pred.get(node)
        if keyed is None:
            return []
        return [(source, kind, tuple([data.get(name) for name in names]))
                for source, kinds in keyed.items() for kind, data in kinds.items()]

    def edge_data(self, source: str, target: str, kind: str) -> dict[str, Any]:
        if self._stored is not None:
            return self._stored.edge_data(source, target, kind)
        data = self.graph.get_edge_data(source, target, key=kind)
        return dict(data) if data else {}

    def imported_as(self, dotted: str) -> str:
        """An import path as the modules are named: through a folder without
        ``__init__.py`` from the repository root (``lib.m.f``, ``lib/m.py`` being the module
        ``m``) it is ``m.f``, and so is a path only one file's path ends in; any other path
        is itself (``discovery.path_names``)."""
        table = self._path_names
        if table is None:
            table = self._path_names = path_names(
                (module, self.path_of(module) if module in self else self.summaries[module].path)
                for module in self.summaries)
        if not table:
            return dotted
        known = self._imported_as.get(dotted)
        if known is None:
            known = self._imported_as[dotted] = through_paths(dotted, self.summaries, table)
        return known

    def module_of(self, node: str) -> str:
        if self._stored is not None:
            return self._stored.module_of(node)
        return str(self.graph.nodes[node].get("module", symbol_module(node)))

    def path_of(self, node: str) -> str:
        if self._stored is not None:
            return self._stored.path_of(node)
        return str(self.graph.nodes[node].get("path", ""))

    def counts(self) -> dict[str, int]:
        kinds: dict[str, int] = defaultdict(int)
        edge_kinds: dict[str, int] = defaultdict(int)
        if self._stored is not None:
            node_kinds, by_kind, edges = self._stored.counts()
            kinds.update(node_kinds)
            edge_kinds.update(by_kind)
        else:
            for _, data in self.graph.nodes(data=True):
                kinds[str(data.get("kind"))] += 1
            for _, _, kind in self.graph.edges(keys=True):
                edge_kinds[kind] += 1
            edges = self.graph.number_of_edges()
        return {
            "modules": kinds["module"],
            "classes": kinds["class"],
            "functions": kinds["function"] + kinds["method"],
            "edges": edges,
            **{f"{k}_edges": edge_kinds[k] for k in EDGE_KINDS},
            "unresolved_calls": self.unresolved_calls,
        }

    # -- projections for rendering -------------------------------------------------------------
    def collapsed(
        self,
        level: str,
        *,
        group: Callable[[str], str | None] | None = None,
        kinds: Collection[str] | None = None,
        keep_edge: Callable[[str, str, str, dict[str, Any]], bool] | None = None,
    ) -> Any:
        """A plain DiGraph of modules or packages with the edges between them (kinds merged).

        ``group`` names the node a module is drawn as (None: left out; by default the module
        itself, or its top-level package); ``kinds`` keeps only edges of those kinds;
        ``keep_edge(source, target, kind, data)`` may drop single symbol-level edges.
        """
        if level not in ("module", "package"):
            raise ValueError(level)
        result = _networkx().DiGraph()

        def default(module: str) -> str | None:
            return top_package(module) if level == "package" else module

        grouping = group or default

        def key(node: str) -> str | None:
            return grouping(self.module_of(node))

        for node, data in self.graph.nodes(data=True):
            if data.get("kind") == "module":
                name = key(node)
                if name is not None and name not in result:
                    result.add_node(name, package=top_package(node), path=data.get("path", ""))
        for source, target, kind, data in self.graph.edges(keys=True, data=True):
            if kinds is not None and kind not in kinds:
                continue
            a, b = key(source), key(target)
            if a is None or b is None or a == b:
                continue
            if keep_edge is not None and not keep_edge(source, target, kind, data):
                continue
            if result.has_edge(a, b):
                result[a][b]["kinds"].add(kind)
                result[a][b]["weight"] += 1
            else:
                result.add_edge(a, b, kinds={kind}, weight=1)
        return result

    def symbol_view(
        self,
        *,
        keep_module: Callable[[str], bool] | None = None,
        kinds: Collection[str] | None = None,
    ) -> Any:
        """A DiGraph of symbols and modules with the edge kinds merged; only the symbols of
        modules ``keep_module`` accepts, and the edges of ``kinds``."""
        result = _networkx().DiGraph()
        for node, data in self.graph.nodes(data=True):
            if keep_module is None or keep_module(self.module_of(node)):
                result.add_node(node, **data)
        for source, target, kind in self.graph.edges(keys=True):
            if source not in result or target not in result:
                continue
            if kinds is not None and kind not in kinds:
                continue
            if result.has_edge(source, target):
                result[source][target]["kinds"].add(kind)
            else:
                result.add_edge(source, target, kinds={kind})
        return result


def neighbourhood(graph: Any, focus: set[str], depth: int | None) -> Any:
    """The part of ``graph`` within ``depth`` edges (either direction) of the focus nodes."""
    if not focus:
        return graph.subgraph([]).copy()
    keep = set(focus)
    frontier = set(focus)
    steps = 0
    undirected = graph.to_undirected(as_view=True)
    while frontier and (depth is None or steps < depth):
        nxt = {n for f in frontier for n in undirected.neighbors(f)} - keep
        keep |= nxt
        frontier = nxt
        steps += 1
    return graph.subgraph(keep).copy()
