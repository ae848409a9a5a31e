"""A GraphView as Graphviz DOT text: a cluster per package, an edge style per kind, a legend."""

from __future__ import annotations

from impactgraph.render.graph_clusters import Cluster, cluster_tree
from impactgraph.render.graph_view import (
    CLUSTER_COLOURS,
    GraphView,
    Level,
    Limits,
    ViewEdge,
    ViewNode,
    direction,
    edge_kinds_present,
)

# Graphviz lays out a few hundred nodes in about a second, but the time grows steeply with
# the edges (300 nodes and 3,000 edges: 8 s; Django's 885-module import graph: not done after
# 10 minutes). Above these a coarser level is drawn, or the command says how to cut it down.
LIMITS = Limits(format="dot", max_nodes=300, max_edges=1_000)

FONT = "Helvetica,Arial,sans-serif"

EDGE_STYLES = {
    "calls": 'color="#333333"',
    "references": 'color="#9e9e9e"',
    "imports": 'style=dashed, color="#555555"',
    "inherits": 'arrowhead=empty, arrowsize=0.9, color="#1f5fa8"',
    "overrides": 'arrowhead=empty, arrowsize=0.9, style=dashed, color="#1f5fa8"',
    "exports": 'style=dotted, penwidth=1.4, color="#8e44ad"',
}

NODE_SHAPES = {
    "package": "shape=box3d, style=filled",
    "module": "shape=tab, style=filled",
    "class": 'shape=box, style="filled,bold"',
    "function": 'shape=box, style="rounded,filled"',
    "method": 'shape=box, style="rounded,filled"',
    "variable": 'shape=note, style=filled, fontcolor="#555555"',
}
NODE_FILL = "#ffffff"

FOCUS_FILL = "#fff2a8"


def render(view: GraphView, title: str | None = None) -> str:
    lines = [
        "digraph impactgraph {",
        f"  graph [{_graph_attributes(view, title)}];",
        f'  node [fontname="{FONT}", fontsize=10, height=0.3, margin="0.12,0.04", '
        'color="#555555"];',
        f'  edge [fontname="{FONT}", fontsize=9, arrowsize=0.6];',
    ]
    lines += _clustered_nodes(view)
    lines += [f"  {_edge(edge)}" for edge in view.edges]
    lines += _legend(view)
    lines.append("}")
    return "\n".join(lines) + "\n"


def quote(text: str) -> str:
    """A DOT double-quoted string: any node name is a valid ID once quoted."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _graph_attributes(view: GraphView, title: str | None) -> str:
    attributes = [
        f"rankdir={direction(view.level)}",
        f'fontname="{FONT}"',
        "fontsize=14",
        "nodesep=0.25",
        "ranksep=0.45",
        "pad=0.3",
        'bgcolor="white"',
    ]
    if title:
        attributes += [f"label={quote(title)}", "labelloc=t", "labeljust=l"]
    if view.level is Level.SYMBOL:
        attributes.append("compound=true")
    return ", ".join(attributes)


def _clustered_nodes(view: GraphView) -> list[str]:
    top, outside = cluster_tree(view)
    lines = [f"  {_node(view, node)}" for node in outside]
    for index, cluster in enumerate(top):
        colours = CLUSTER_COLOURS[index % len(CLUSTER_COLOURS)]
        lines += _cluster(view, cluster, colours, depth=1)
    return lines


def _cluster(view: GraphView, cluster: Cluster, colours: tuple[str, str], depth: int) -> list[str]:
    """Outermost clusters are tinted; nested ones are white within their package's border."""
    fill, border = colours
    if depth > 1 or cluster.is_module:
        fill = "#ffffff"
    kind = "mod" if cluster.is_module else "pkg"
    indent = "  " * depth
    lines = [
        f"{indent}subgraph {quote(f'cluster_{kind}_{cluster.name}')} {{",
        f'{indent}  graph [label={quote(cluster.label)}, style="rounded,filled", '
        f'fillcolor="{fill}", color="{border}", fontsize={13 if depth == 1 else 11}, '
        "labeljust=l, margin=8];",
    ]
    lines += [f"{indent}  {_node(view, node)}" for node in cluster.nodes]
    for child in cluster.children:
        lines += _cluster(view, child, colours, depth + 1)
    lines.append(f"{indent}}}")
    return lines


def _node(view: GraphView, node: ViewNode) -> str:
    focused = node.id in view.focused
    attributes = [
        f"label={quote(_label(view, node))}",
        NODE_SHAPES.get(node.kind, "shape=box, style=filled"),
        f'fillcolor="{FOCUS_FILL if focused else NODE_FILL}"',
    ]
    if focused:
        attributes.append("penwidth=2")
    if node.path:
        where = node.path if node.line is None else f"{node.path}:{node.line}"
        attributes.append(f"tooltip={quote(where)}")
    return f"{quote(node.id)} [{', '.join(a for a in attributes if a)}];"


def _label(view: GraphView, node: ViewNode) -> str:
    if node.kind == "package":
        plural = "" if node.modules == 1 else "s"
        return f"{node.id}\n{node.modules} module{plural}"
    if view.level is Level.SYMBOL:
        # Inside the module's cluster the module name is already written: the symbol's
        # qualified name reads better, and the module itself is marked as module code.
        return "(module code)" if node.kind == "module" else node.id.split(":", 1)[-1]
    return node.id


def _edge(edge: ViewEdge) -> str:
    attributes = [EDGE_STYLES.get(edge.style_kind, "")]
    attributes.append(f"tooltip={quote(', '.join(edge.kinds))}")
    return f"{quote(edge.source)} -> {quote(edge.target)} [{', '.join(attributes)}];"


def _legend(view: GraphView) -> list[str]:
    """A row of the edge kinds drawn, each name above a short edge in its style."""
    kinds = edge_kinds_present(view)
    if not kinds:
        return []
    lines = [
        '  subgraph "cluster_legend" {',
        f'    graph [label="edges", style="rounded", color="#bbbbbb", fontsize=10, '
        f'fontname="{FONT}", margin=6];',
        '    node [shape=plaintext, fontsize=9, height=0.2, margin="0.02,0.0"];',
    ]
    # Names with a space cannot clash with modules or symbols.
    names = [quote(f"(legend) {kind}") for kind in kinds]
    for kind, name in zip(kinds, names, strict=True):
        end = quote(f"(legend) {kind} end")
        lines.append(f"    {name} [label={quote(kind)}];")
        lines.append(f'    {end} [label="", shape=point, width=0.05, color="#ffffff"];')
        lines.append(f"    {name} -> {end} [{EDGE_STYLES[kind]}];")
    if len(names) > 1:  # keep the legend order (left to right, or top down)
        chain = names if direction(view.level) == "TB" else names[::-1]
        lines.append(f"    {{ rank=same; {' -> '.join(chain)} [style=invis]; }}")
    lines.append("  }")
    return lines
