"""A linked CodeGraph as plain JSON-ready data, and back (no pickle: it may come from a cache
restored from an untrusted branch, and reading it must not be able to run code)."""

from __future__ import annotations

from typing import Any

from impactgraph.linker.graph import CodeGraph
from impactgraph.model import Diagnostic

SNAPSHOT_VERSION = 5
NODE_FIELDS = ("kind", "module", "path", "package", "line", "end_line", "synthetic", "abstract")
EDGE_FIELDS = ("line", "bound", "dispatch", "named", "sites", "dynamic", "callback")


def graph_to_dict(graph: CodeGraph) -> dict[str, Any]:
    nodes = [
        [node, *(data.get(field) for field in NODE_FIELDS)]
        for node, data in graph.graph.nodes(data=True)
    ]
    edges = [
        [source, target, kind, *(data.get(field) for field in EDGE_FIELDS)]
        for source, target, kind, data in graph.graph.edges(keys=True, data=True)
    ]
    return {
        "version": SNAPSHOT_VERSION,
        "nodes": nodes,
        "edges": edges,
        "external_calls": {caller: sorted(c) for caller, c in graph.external_calls.items()},
        "unresolved_sites": [list(site) for site in graph.unresolved_sites],
        "unbounded_sites": [list(site) for site in graph.unbounded_sites],
        "warnings": [[w.path, w.message] for w in graph.warnings],
    }


def graph_from_dict(data: Any) -> CodeGraph | None:
    """The graph, or None for anything that is not a snapshot of this version."""
    try:
        if data.get("version") != SNAPSHOT_VERSION:
            return None
        graph = CodeGraph()
        for row in data["nodes"]:
            fields = zip(NODE_FIELDS, row[1:], strict=True)
            graph.add_node(str(row[0]), **{k: v for k, v in fields if v is not None})
        for row in data["edges"]:
            source, target, kind = str(row[0]), str(row[1]), str(row[2])
            edge = dict(zip(EDGE_FIELDS, row[3:], strict=True))
            if edge["sites"] is not None:
                edge["sites"] = [[int(i), bool(b)] for i, b in edge["sites"]]
            graph.graph.add_edge(source, target, key=kind,
                                 **{k: v for k, v in edge.items() if v is not None})
        for caller, callees in data["external_calls"].items():
            graph.external_calls[str(caller)] = {str(c) for c in callees}
        graph.unresolved_sites = [(str(c), int(line)) for c, line in data["unresolved_sites"]]
        graph.unresolved_calls = len(graph.unresolved_sites)
        graph.unbounded_sites = [(str(c), str(r)) for c, r in data["unbounded_sites"]]
        graph.warnings = [Diagnostic(str(p), str(m)) for p, m in data["warnings"]]
        return graph
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None
