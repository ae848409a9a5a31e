"""A GraphView as JSON (schema_version 1): one entry per node and per (source, target, kind).

No size limit applies (``graph_drawing.LIMITS``): the JSON is data for other tools.
"""

from __future__ import annotations

from typing import Any

from impactgraph.render.escape import json_document
from impactgraph.render.graph_view import GraphView

SCHEMA_VERSION = 1


def render(view: GraphView) -> str:
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "level": view.level.value,
        "nodes": [
            {
                "id": node.id,
                "kind": node.kind,
                "module": node.module,
                "package": node.package,
                "path": node.path,
                "line": node.line,
            }
            for node in view.nodes
        ],
        "edges": [
            {"source": edge.source, "target": edge.target, "kind": kind}
            for edge in view.edges
            for kind in sorted(edge.kinds)
        ],
    }
    if view.focus:
        document["focus"] = {"patterns": list(view.focus), "depth": view.depth}
    return json_document(document, indent=2) + "\n"
