"""A GraphView as a Mermaid flowchart: a subgraph per package, an edge style per kind.

Mermaid identifiers cannot safely hold dots or colons and a few words (``end``) are
keywords, so nodes get short generated ids (``n0``, ``n1``... in name order) and their names
go in quoted labels. Short ids also keep large graphs within GitHub's limits.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from impactgraph.render.graph_clusters import Cluster, cluster_tree
from impactgraph.render.graph_view import (
    CLUSTER_COLOURS,
    GraphView,
    Level,
    Limits,
    ViewNode,
    direction,
    edge_kinds_present,
)

# GitHub renders a Mermaid block of at most 50,000 characters and 500 edges.
LIMITS = Limits(format="mermaid", max_nodes=300, max_edges=500, max_chars=50_000)

ARROWS = {
    "calls": "-->",
    "references": "-->",
    "imports": "-.->",
    "inherits": "==>",
    "overrides": "==>",
    "exports": "-.->",
}
# Mermaid has no hollow arrowheads: the class-hierarchy kinds are thick and blue instead.
LINK_STYLES = {
    "references": "stroke:#9e9e9e",
    "inherits": "stroke:#1f5fa8",
    "overrides": "stroke:#1f5fa8,stroke-dasharray:6 4",
    "exports": "stroke:#8e44ad,stroke-dasharray:2 3",
}
LEGEND_WORDS = {
    "calls": "solid",
    "references": "grey",
    "imports": "dotted",
    "inherits": "thick blue",
    "overrides": "thick dashed blue",
    "exports": "dotted purple",
}
SHAPES = {
    "package": ('[["', '"]]'),
    "module": ('["', '"]'),
    "class": ('[["', '"]]'),
    "function": ('("', '")'),
    "method": ('("', '")'),
    "variable": ('>"', '"]'),
}


def render(view: GraphView, title: str | None = None) -> str:
    ids = {node.id: f"n{index}" for index, node in enumerate(view.nodes)}
    lines: list[str] = []
    heading = " · ".join(part for part in (title, _legend(view)) if part)
    if heading:
        lines += ["---", f"title: {_front_matter(heading)}", "---"]
    lines.append(f"flowchart {direction(view.level)}")
    top, outside = cluster_tree(view)
    lines += [f"  {_node(view, node, ids)}" for node in outside]
    styles: list[str] = []
    counter = itertools.count()
    for index, cluster in enumerate(top):
        colours = CLUSTER_COLOURS[index % len(CLUSTER_COLOURS)]
        lines += _subgraph(view, cluster, ids, colours, counter, styles, depth=1)
    by_kind: dict[str, list[int]] = {}
    for number, edge in enumerate(view.edges):
        kind = edge.style_kind
        by_kind.setdefault(kind, []).append(number)
        lines.append(f"  {ids[edge.source]} {ARROWS[kind]} {ids[edge.target]}")
    lines += styles
    lines += [
        f"  linkStyle {','.join(map(str, numbers))} {LINK_STYLES[kind]}"
        for kind, numbers in sorted(by_kind.items())
        if kind in LINK_STYLES
    ]
    focused = [ids[node.id] for node in view.nodes if node.id in view.focused]
    if focused:
        lines.append("  classDef focus fill:#fff2a8,stroke:#333333,stroke-width:2px")
        lines.append(f"  class {','.join(focused)} focus")
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """Text for a double-quoted Mermaid label: entity codes instead of quotes and brackets."""
    return (
        text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    )


def _front_matter(title: str) -> str:
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _subgraph(
    view: GraphView,
    cluster: Cluster,
    ids: dict[str, str],
    colours: tuple[str, str],
    counter: Iterator[int],
    styles: list[str],
    depth: int,
) -> list[str]:
    """Outermost subgraphs are tinted; nested ones are white within their package's border."""
    fill, border = colours
    if depth > 1 or cluster.is_module:
        fill = "#ffffff"
    name = f"s{next(counter)}"
    styles.append(f"  style {name} fill:{fill},stroke:{border}")
    indent = "  " * depth
    lines = [f'{indent}subgraph {name}["{escape(cluster.label)}"]']
    lines += [f"{indent}  {_node(view, node, ids)}" for node in cluster.nodes]
    for child in cluster.children:
        lines += _subgraph(view, child, ids, colours, counter, styles, depth + 1)
    lines.append(f"{indent}end")
    return lines


def _node(view: GraphView, node: ViewNode, ids: dict[str, str]) -> str:
    opening, closing = SHAPES.get(node.kind, ('["', '"]'))
    return f"{ids[node.id]}{opening}{_label(view, node)}{closing}"


def _label(view: GraphView, node: ViewNode) -> str:
    if node.kind == "package":
        plural = "" if node.modules == 1 else "s"
        return f"{escape(node.id)}<br/>{node.modules} module{plural}"
    if view.level is Level.SYMBOL:
        return "(module code)" if node.kind == "module" else escape(node.id.split(":", 1)[-1])
    return escape(node.id)


def _legend(view: GraphView) -> str:
    """The edge styles in words. Drawn as a legend box (a subgraph with hidden nodes) it
    made Mermaid's layout route unrelated edges through the box, so it goes in the title."""
    kinds = edge_kinds_present(view)
    return "edges: " + ", ".join(f"{kind} {LEGEND_WORDS[kind]}" for kind in kinds) if kinds else ""
