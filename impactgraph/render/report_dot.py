"""The impact graph as Graphviz DOT text.

The same diagram as the Mermaid format (``report_graph``): changed symbols as hexagons in a
"Changes" cluster (breaking ones filled red), affected modules in a cluster per package (red
when broken, a thick blue border when reached through a gateway, a double border for a gateway
itself, dashed for tests), each with its depth, and a legend of the marks used. Over the node
or edge cap the diagram collapses to modules, then packages, with a note node (and a comment)
saying what was left out.
"""

from __future__ import annotations

import html

from impactgraph.model import ImpactReport
from impactgraph.render.report_graph import (
    CHANGES_GROUP,
    Diagram,
    Limits,
    Node,
    Role,
    bounded,
    fit,
    group_title,
    marks,
    node_title,
    unreached_note,
)

LIMITS = Limits()
FONT = "Helvetica,Arial,sans-serif"
TEXT = "#24292f"
MUTED = "#57606a"

Attributes = dict[str, str]

CHANGE: Attributes = {
    "shape": "hexagon",
    "margin": "0.02,0.04",  # a hexagon widens itself around the label already
    "fillcolor": "#fff8c5",
    "color": "#9a6700",
}
CHANGE_BREAKING: Attributes = {
    **CHANGE,
    "fillcolor": "#cf222e",
    "color": "#82071e",
    "fontcolor": "#ffffff",
    "penwidth": "1.5",
}
MODULE: Attributes = {"fillcolor": "#f6f8fa", "color": "#8c959f"}
BROKEN: Attributes = {"fillcolor": "#ffebe9", "color": "#cf222e"}
# Applied after the fill: a broken module reached through a gateway keeps its red fill and
# gets the blue border.
CROSSING: Attributes = {"color": "#0969da", "penwidth": "2.5"}
GATEWAY: Attributes = {"peripheries": "2"}
TEST: Attributes = {"style": "rounded,filled,dashed"}
PACKAGE: Attributes = {"shape": "folder"}
# The legend is one HTML-like table node: far more compact than a cluster of sample nodes.
LEGEND = (  # (mark, cell attributes, font colour, text or HTML), in the order shown
    (
        "changeBreaking",
        'BGCOLOR="#cf222e" COLOR="#82071e" STYLE="rounded"',
        "#ffffff",
        "breaking change",
    ),
    ("change", 'BGCOLOR="#fff8c5" COLOR="#9a6700" STYLE="rounded"', TEXT, "non-breaking change"),
    (
        "broken",
        'BGCOLOR="#ffebe9" COLOR="#cf222e" STYLE="rounded"',
        TEXT,
        "module broken by a change",
    ),
    (
        "module",
        'BGCOLOR="#f6f8fa" COLOR="#8c959f" STYLE="rounded"',
        TEXT,
        "module affected, not broken",
    ),
    (
        "crossing",
        'BGCOLOR="#f6f8fa" COLOR="#0969da" BORDER="3" STYLE="rounded"',
        TEXT,
        "reached through a gateway",
    ),
    (
        "gateway",
        'BORDER="0"',
        TEXT,
        # a table in the cell draws the double border of peripheries=2
        '<TABLE BORDER="2" COLOR="#0969da" STYLE="rounded" CELLBORDER="2" CELLSPACING="2" '
        'CELLPADDING="1"><TR><TD BGCOLOR="#f6f8fa" COLOR="#0969da" STYLE="rounded">'
        '<FONT POINT-SIZE="9">gateway</FONT></TD></TR></TABLE>',
    ),
    ("test", 'BGCOLOR="#f6f8fa" COLOR="#8c959f" STYLE="rounded,dashed"', TEXT, "test module"),
)


def render(report: ImpactReport) -> str:
    return render_diagram(fit(report, lambda diagram: diagram.within(LIMITS)))


def render_diagram(diagram: Diagram, *, legend: bool = True) -> str:
    title = f"impactgraph: {diagram.base} → {diagram.head}"
    label = _heading(title, marks(diagram)) if legend and diagram.nodes else quote(title)
    lines = [
        f"// impactgraph impact: {_comment(diagram.base)} → {_comment(diagram.head)}"
        f" ({diagram.level.value} level)",
    ]
    if diagram.omitted:
        lines.append(f"// {_comment(diagram.omitted)}")
    lines += [
        "digraph impact {",
        f'  graph [rankdir=LR, fontname="{FONT}", fontsize=12, fontcolor="{TEXT}", '
        f"label={label}, labelloc=t, labeljust=l, nodesep=0.25, ranksep=0.6];",
        f'  node [fontname="{FONT}", fontsize=10, fontcolor="{TEXT}", shape=box, '
        f'style="rounded,filled", margin="0.15,0.06", {_attributes(MODULE)}];',
        f'  edge [fontname="{FONT}", fontsize=9, fontcolor="{MUTED}", color="{MUTED}", '
        "arrowsize=0.7];",
    ]
    clusters = diagram.clusters()
    outside = clusters.pop("")
    for number, (group, members) in enumerate(clusters.items(), start=1):
        title = quote(bounded(group_title(group)))
        if group == CHANGES_GROUP:
            lines.append("  subgraph cluster_changes {")
            lines.append(f'    graph [label="Changes", style="rounded,dashed", color="{MUTED}"];')
        elif group.startswith(CHANGES_GROUP):
            lines.append(f"  subgraph cluster_{number} {{")
            lines.append(
                f'    graph [label={title}, tooltip={quote(group_title(group))}, '
                f'style="rounded,dashed,filled", fillcolor="#fffdf3", color="#d4a72c"];'
            )
        else:
            lines.append(f"  subgraph cluster_{number} {{")
            lines.append(
                f'    graph [label={title}, style="rounded,filled", '
                'fillcolor="#ffffff", color="#d0d7de"];'
            )
        lines.extend(f"    {_node(node, group)}" for node in members)
        lines.append("  }")
    lines.extend(f"  {_node(node)}" for node in outside)
    for edge in diagram.edges:
        label = f" [label={quote(', '.join(edge.kinds))}]" if edge.kinds else ""
        lines.append(f"  {quote(edge.source)} -> {quote(edge.target)}{label};")
    if diagram.unreached:
        lines.append(
            f'  unreached [shape=note, style=filled, fillcolor="#ffffff", color="{MUTED}", '
            f'fontcolor="{MUTED}", label={quote(unreached_note(diagram))}];'
        )
    if diagram.omitted:
        lines.append(
            f'  omitted [shape=note, style=filled, fillcolor="#ffffff", color="{MUTED}", '
            f'fontcolor="{MUTED}", label={quote(_wrap(diagram.omitted))}];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def quote(text: str) -> str:
    """A DOT string: backslashes and quotes escaped, line breaks as ``\\n`` (centred lines)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r", "").replace("\n", "\\n") + '"'


# -- helpers ----------------------------------------------------------------------------------


def _node(node: Node, group: str = "") -> str:
    lines = [node_title(node, group), *node.detail.splitlines()]
    label = "\n".join(bounded(line) for line in lines)
    attributes: Attributes = {"label": label}
    full = "\n".join([node.title, *node.detail.splitlines()])
    if full != label:  # the whole text where a viewer of the SVG can hover for it
        attributes["tooltip"] = full
    if node.role is Role.CHANGE:
        attributes |= CHANGE_BREAKING if node.breaking else CHANGE
    else:
        attributes |= BROKEN if node.breaking else MODULE
        if node.role is Role.PACKAGE:
            attributes |= PACKAGE
        if node.crosses_gateway or node.gateway:
            attributes |= CROSSING
        if node.gateway:
            attributes |= GATEWAY
        if node.is_test:
            attributes |= TEST
    return f"{quote(node.key)} [{_attributes(attributes)}];"


def _attributes(attributes: Attributes) -> str:
    return ", ".join(f"{name}={quote(value)}" for name, value in attributes.items())


def _heading(title: str, marks: set[str]) -> str:
    """An HTML-like graph label: the title, and a legend strip of the marks in use.

    As the graph's label it takes no part in the layout, unlike a cluster of sample nodes,
    which Graphviz would rank among the changes.
    """
    cells = [
        f"<TD {cell}>{text}</TD>"
        if text.startswith("<")
        else f'<TD {cell}><FONT COLOR="{font}" POINT-SIZE="9">{text}</FONT></TD>'
        for mark, cell, font, text in LEGEND
        if mark in marks
    ]
    span = max(len(cells), 1)
    return (
        '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="4" CELLPADDING="3">'
        f'<TR><TD BORDER="0" ALIGN="LEFT" COLSPAN="{span}">'
        f'<FONT POINT-SIZE="12">{html.escape(title)}</FONT></TD></TR>'
        f"<TR>{''.join(cells)}</TR>"
        "</TABLE>>"
    )


def _wrap(text: str, width: int = 48) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _comment(text: str) -> str:
    return text.replace("\n", " ")
