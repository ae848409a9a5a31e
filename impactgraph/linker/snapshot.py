"""A linked CodeGraph as plain JSON-ready data, and back (no pickle: it may come from a cache
restored from an untrusted branch, and reading it must not be able to run code)."""

from __future__ import annotations

from typing import Any

from impactgraph.linker.graph import ANY_CALLEE, CodeGraph
from impactgraph.linker.stored import EDGE_FIELDS, NODE_FIELDS, StoredGraph
from impactgraph.model import Diagnostic, NamedFile, PathAnchor, Program, ProgramKind

# 6: edges name their ends by node index; 7: call receivers (recv); 8: ``unbounded`` edges;
# 9: each module's running imports; 10: ``poly`` call edges; 11: ``generator`` nodes;
# 12: the files each module names (``named_files``)
SNAPSHOT_VERSION = 12


def graph_to_dict(graph: CodeGraph) -> dict[str, Any]:
    rows = graph.stored_rows()  # a graph read from a snapshot (and relocated): its own rows
    if rows is not None:
        nodes, edges = rows
    else:
        nodes, edges = _rows(graph)
    return {
        "version": SNAPSHOT_VERSION,
        "nodes": nodes,
        "edges": edges,
        "external_calls": {caller: sorted(c) for caller, c in graph.external_calls.items()},
        "programs": {caller: sorted(([p.kind.value, p.target, p.from_callers] if p else None
                                     for p in found), key=lambda p: p or [])
                     for caller, found in graph.programs.items()},
        "unresolved_sites": [list(site) for site in graph.unresolved_sites],
        "unbounded_sites": [list(site) for site in graph.unbounded_sites],
        "unresolved_names": {c: sorted(n) for c, n in graph.unresolved_names.items()},
        "gave_up_names": {c: sorted(n) for c, n in graph.gave_up_names.items()},
        "outside_hooks": None if graph.outside_hooks is None else sorted(graph.outside_hooks),
        "outside_overrides": (None if graph.outside_overrides is None
                              else sorted(graph.outside_overrides)),
        "warnings": [[w.path, w.message] for w in graph.warnings],
        "module_imports": {module: list(targets)
                           for module, targets in graph.module_imports.items()},
        "named_files": {module: [[n.scope, n.path, n.anchor.value] for n in named]
                        for module, named in graph.named_files.items()},
    }


def _rows(graph: CodeGraph) -> tuple[list[list[Any]], list[list[Any]]]:
    index: dict[str, int] = {}
    nodes: list[list[Any]] = []
    for node, data in graph.graph.nodes(data=True):
        index[node] = len(nodes)
        nodes.append([node, *(data.get(field) for field in NODE_FIELDS)])
    # An edge names its ends by their index in ``nodes``: less to parse, and every edge of a
    # node shares that node's one string object (hashed once) when read back.
    edges = [
        [index[source], index[target], kind, *(data.get(field) for field in EDGE_FIELDS)]
        for source, target, kind, data in graph.graph.edges(keys=True, data=True)
    ]
    return nodes, edges


def graph_from_dict(data: Any) -> CodeGraph | None:
    """The graph, or None for anything that is not a snapshot of this version.

    Its nodes and edges stay the decoded rows (``StoredGraph``), indexed, not a networkx
    graph: a query reads a part of them; the networkx graph is built when first asked for.
    """
    try:
        if data.get("version") != SNAPSHOT_VERSION:
            return None
        graph = CodeGraph.from_stored(StoredGraph(data["nodes"], data["edges"]))
        for caller, callees in data["external_calls"].items():
            graph.external_calls[str(caller)] = {str(c) for c in callees}
        for caller, found in data.get("programs", {}).items():
            graph.programs[str(caller)] = {
                None if p is None else Program(ProgramKind(p[0]), str(p[1]), bool(p[2]))
                for p in found}
        graph.unresolved_sites = [(str(c), int(line)) for c, line in data["unresolved_sites"]]
        graph.unresolved_calls = len(graph.unresolved_sites)
        graph.unbounded_sites = [(str(c), str(r)) for c, r in data["unbounded_sites"]]
        for caller, names in data.get("unresolved_names", {}).items():
            graph.unresolved_names[str(caller)] = {str(n) for n in names}
        gave_up = data.get("gave_up_names")
        if gave_up is None:  # stored before it was recorded: judged as then, by all they ask
            gave_up = {caller: data.get("unresolved_names", {}).get(caller, [""])
                       for caller, receiver in data["unbounded_sites"] if receiver == ANY_CALLEE}
        for caller, names in gave_up.items():
            graph.gave_up_names[str(caller)] = {str(n) for n in names}
        hooks = data.get("outside_hooks")
        graph.outside_hooks = None if hooks is None else {str(h) for h in hooks}
        overrides = data.get("outside_overrides")
        graph.outside_overrides = None if overrides is None else {str(h) for h in overrides}
        graph.warnings = [Diagnostic(str(p), str(m)) for p, m in data["warnings"]]
        graph.module_imports = {str(module): tuple(str(t) for t in targets)
                                for module, targets in data["module_imports"].items()}
        graph.named_files = {
            str(module): tuple(NamedFile(str(scope), str(path), PathAnchor(anchor))
                               for scope, path, anchor in named)
            for module, named in data["named_files"].items()}
        return graph
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None
