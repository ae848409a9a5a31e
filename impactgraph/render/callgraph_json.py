"""The function-level call graph as JSON (``impactgraph callgraph --format json``).

Richer than the ``pycg`` format: every node carries where it is defined, every call edge the
line of its first call site, and what could not be resolved is listed, not guessed.
"""

from __future__ import annotations

from typing import Any

from impactgraph.linker.graph import CodeGraph
from impactgraph.model import EdgeKind
from impactgraph.render.callgraph_pycg import dotted
from impactgraph.render.escape import json_document

SCHEMA_VERSION = 1
# Modules are callers (their top-level code); classes are called when instantiated.
NODE_KINDS = ("module", "class", "function", "method")


def render(graph: CodeGraph) -> str:
    return json_document(callgraph_document(graph), indent=2) + "\n"


def callgraph_document(graph: CodeGraph) -> dict[str, Any]:
    nodes = sorted(node for node in graph.nodes() if graph.node(node).get("kind") in NODE_KINDS)
    known = set(nodes)
    edges = sorted(
        (source, target)
        for source, target, _ in graph.edges([EdgeKind.CALLS])
        if source in known and target in known
    )
    external = sorted(
        (caller, callee)
        for caller, callees in graph.external_calls.items()
        for callee in callees
        if caller in known
    )
    unresolved = sorted(set(graph.unresolved_sites))
    return {
        "schema_version": SCHEMA_VERSION,
        "nodes": [_node(graph, node) for node in nodes],
        "edges": [{"source": s, "target": t, "line": _line(graph, s, t)} for s, t in edges],
        "external_calls": [{"source": s, "target": t} for s, t in external],
        "unresolved_calls": [
            {"source": caller, "path": _path(graph, caller), "line": line}
            for caller, line in unresolved
        ],
        "stats": {
            "modules": sum(1 for n in nodes if graph.node(n).get("kind") == "module"),
            "functions": sum(
                1 for n in nodes if graph.node(n).get("kind") in ("function", "method")
            ),
            "calls": len(edges),
            "external_calls": len(external),
            "unresolved_calls": graph.unresolved_calls,
        },
    }


def _node(graph: CodeGraph, node: str) -> dict[str, Any]:
    data = graph.node(node)
    return {
        "id": node,
        "name": dotted(node),  # the spelling of the pycg format
        "kind": data.get("kind"),
        "module": graph.module_of(node),
        "package": data.get("package"),
        "path": data.get("path", ""),
        "line": data.get("line"),
        "synthetic": bool(data.get("synthetic", False)),  # e.g. a dataclass's generated __init__
    }


def _path(graph: CodeGraph, caller: str) -> str:
    return graph.path_of(caller) if caller in graph else ""


def _line(graph: CodeGraph, source: str, target: str) -> int:
    return int(graph.edge_data(source, target, EdgeKind.CALLS).get("line", 0))
