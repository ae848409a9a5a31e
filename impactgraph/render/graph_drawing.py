"""``impactgraph graph`` drawn: a GraphView as a Drawing, in DOT or Mermaid.

A frame per package (subpackages nested, at symbol level one per module), a shape per node
kind, an edge style per edge kind with a legend of the kinds drawn, the focused nodes
highlighted.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from impactgraph.linker.graph import EDGE_KINDS
from impactgraph.render import dot, mermaid
from impactgraph.render.diagram import (
    DotLook,
    Drawing,
    Edge,
    Frame,
    FrameStyle,
    Level,
    Look,
    MermaidLook,
    Node,
)
from impactgraph.render.fitting import Limits
from impactgraph.render.graph_clusters import Cluster, cluster_tree
from impactgraph.render.graph_view import GraphView, ViewNode

# Graphviz lays out a few hundred nodes in about a second, but the time grows steeply with
# the edges (300 nodes and 3,000 edges: 8 s; Django's 885-module import graph: not done after
# 10 minutes). GitHub renders a Mermaid block of at most 50,000 characters and 500 edges.
# Above these a coarser level is drawn, or the command says how to cut the graph down.
LIMITS: Mapping[str, Limits] = MappingProxyType(
    {
        "dot": Limits(format="dot", max_nodes=300, max_edges=1_000),
        "mermaid": Limits(format="mermaid", max_nodes=300, max_edges=500, max_chars=50_000),
        "json": Limits(format="json"),  # data for other tools, not a picture to lay out
    }
)

# Soft (fill, border) colours, one per package frame in name order, so that neighbouring
# frames differ.
FRAME_COLOURS = (
    ("#eaf1fb", "#8fb0dc"),
    ("#eef7ea", "#94c389"),
    ("#fdf3e6", "#e0b072"),
    ("#f6ecf7", "#c29bcc"),
    ("#e9f6f5", "#84c2bc"),
    ("#fbeeee", "#dc9a9a"),
    ("#f3f3e6", "#bdbd80"),
)
FONT = "Helvetica,Arial,sans-serif"
NODE_FILL = "#ffffff"
OTHER = "other"  # the style class of a node kind without one of its own
FOCUS = "focus"


def _filled(**attributes: str) -> Mapping[str, str]:
    return MappingProxyType({**attributes, "fillcolor": NODE_FILL})


DOT_LOOK = DotLook(
    graph=MappingProxyType(
        {
            "fontname": FONT,
            "fontsize": "14",
            "nodesep": "0.25",
            "ranksep": "0.45",
            "pad": "0.3",
            "bgcolor": "white",
        }
    ),
    node=MappingProxyType(
        {
            "fontname": FONT,
            "fontsize": "10",
            "height": "0.3",
            "margin": "0.12,0.04",
            "color": "#555555",
        }
    ),
    edge=MappingProxyType({"fontname": FONT, "fontsize": "9", "arrowsize": "0.6"}),
    classes=MappingProxyType(
        {
            "package": _filled(shape="box3d", style="filled"),
            "module": _filled(shape="tab", style="filled"),
            "class": _filled(shape="box", style="filled,bold"),
            "function": _filled(shape="box", style="rounded,filled"),
            "method": _filled(shape="box", style="rounded,filled"),
            "variable": _filled(shape="note", style="filled", fontcolor="#555555"),
            OTHER: _filled(shape="box", style="filled"),
            FOCUS: MappingProxyType({"fillcolor": "#fff2a8", "penwidth": "2"}),
        }
    ),
    edges=MappingProxyType(
        {
            "calls": MappingProxyType({"color": "#333333"}),
            "references": MappingProxyType({"color": "#9e9e9e"}),
            "imports": MappingProxyType({"style": "dashed", "color": "#555555"}),
            "inherits": MappingProxyType(
                {"arrowhead": "empty", "arrowsize": "0.9", "color": "#1f5fa8"}
            ),
            "overrides": MappingProxyType(
                {"arrowhead": "empty", "arrowsize": "0.9", "style": "dashed", "color": "#1f5fa8"}
            ),
            "exports": MappingProxyType({"style": "dotted", "penwidth": "1.4", "color": "#8e44ad"}),
        }
    ),
)

MERMAID_LOOK = MermaidLook(
    shapes=MappingProxyType(
        {
            "package": ('[["', '"]]'),
            "module": ('["', '"]'),
            "class": ('[["', '"]]'),
            "function": ('("', '")'),
            "method": ('("', '")'),
            "variable": ('>"', '"]'),
        }
    ),
    class_defs=MappingProxyType({FOCUS: "fill:#fff2a8,stroke:#333333,stroke-width:2px"}),
    arrows=MappingProxyType(
        {
            "calls": "-->",
            "references": "-->",
            "imports": "-.->",
            "inherits": "==>",
            "overrides": "==>",
            "exports": "-.->",
        }
    ),
    # Mermaid has no hollow arrowheads: the class-hierarchy kinds are thick and blue instead.
    link_styles=MappingProxyType(
        {
            "references": "stroke:#9e9e9e",
            "inherits": "stroke:#1f5fa8",
            "overrides": "stroke:#1f5fa8,stroke-dasharray:6 4",
            "exports": "stroke:#8e44ad,stroke-dasharray:2 3",
        }
    ),
    edge_words=MappingProxyType(
        {
            "calls": "solid",
            "references": "grey",
            "imports": "dotted",
            "inherits": "thick blue",
            "overrides": "thick dashed blue",
            "exports": "dotted purple",
        }
    ),
    short_ids=True,
)


def to_dot(view: GraphView, title: str | None = None) -> str:
    return dot.write(draw(view, title))


def to_mermaid(view: GraphView, title: str | None = None) -> str:
    return mermaid.write(draw(view, title))


def draw(view: GraphView, title: str | None = None) -> Drawing:
    graph_attributes = {"rankdir": direction(view.level), **DOT_LOOK.graph}
    if view.level is Level.SYMBOL:
        graph_attributes["compound"] = "true"
    look = Look(
        dot=DotLook(
            graph=MappingProxyType(graph_attributes),
            node=DOT_LOOK.node,
            edge=DOT_LOOK.edge,
            classes=DOT_LOOK.classes,
            edges=DOT_LOOK.edges,
        ),
        mermaid=MERMAID_LOOK,
    )
    top, outside = cluster_tree(view)
    return Drawing(
        name="impactgraph",
        direction=direction(view.level),
        look=look,
        nodes=tuple(_node(view, node) for node in outside),
        frames=tuple(
            _frame(view, cluster, FRAME_COLOURS[index % len(FRAME_COLOURS)], depth=1)
            for index, cluster in enumerate(top)
        ),
        edges=tuple(
            Edge(edge.source, edge.target, edge.style_kind, tooltip=", ".join(edge.kinds))
            for edge in view.edges
        ),
        title=title or "",
        edge_legend=edge_kinds_present(view),
    )


def direction(level: Level) -> str:
    """Top to bottom for modules and packages (users above what they use, package clusters
    side by side); left to right for symbols, whose nested clusters then stack downwards
    instead of growing into a picture several thousand pixels wide."""
    return "LR" if level is Level.SYMBOL else "TB"


def edge_kinds_present(view: GraphView) -> tuple[str, ...]:
    """The style kinds the view's edges are drawn with, in legend order."""
    used = {edge.style_kind for edge in view.edges}
    return tuple(kind for kind in EDGE_KINDS if kind in used)


def _frame(view: GraphView, cluster: Cluster, colours: tuple[str, str], depth: int) -> Frame:
    """Outermost frames are tinted; nested ones are white within their package's border."""
    fill, border = colours
    if depth > 1 or cluster.is_module:
        fill = "#ffffff"
    kind = "mod" if cluster.is_module else "pkg"
    return Frame(
        id=f"{kind}_{cluster.name}",
        label=cluster.label,
        style=FrameStyle(
            fill=fill,
            stroke=border,
            font_size=13 if depth == 1 else 11,
            label_left=True,
            margin=8,
        ),
        nodes=tuple(_node(view, node) for node in cluster.nodes),
        frames=tuple(_frame(view, child, colours, depth + 1) for child in cluster.children),
    )


def _node(view: GraphView, node: ViewNode) -> Node:
    kind = node.kind if node.kind in DOT_LOOK.classes else OTHER
    classes = (kind, FOCUS) if node.id in view.focused else (kind,)
    tooltip = ""
    if node.path:
        tooltip = node.path if node.line is None else f"{node.path}:{node.line}"
    return Node(node.id, _label(view, node), classes, tooltip)


def _label(view: GraphView, node: ViewNode) -> tuple[str, ...]:
    if node.kind == "package":
        plural = "" if node.modules == 1 else "s"
        return (node.id, f"{node.modules} module{plural}")
    if view.level is Level.SYMBOL:
        # Inside the module's cluster the module name is already written: the symbol's
        # qualified name reads better, and the module itself is marked as module code.
        return ("(module code)",) if node.kind == "module" else (node.id.split(":", 1)[-1],)
    return (node.id,)
