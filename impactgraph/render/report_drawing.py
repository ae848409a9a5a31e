"""``impact --format mermaid|dot|svg|png`` drawn: the impact diagram (``report_graph``) as a
Drawing.

Changed symbols are hexagons (breaking ones filled red), affected modules are boxes framed
per package (red when a breaking change breaks them, a thick blue border when a path to them
crosses a gateway, a double border for a gateway itself, dashed for tests), each with its
depth, and a legend of the marks in use. A note says what the fitting left out.

GitHub renders a Mermaid block only up to 50,000 characters and 500 edges; mermaid's own CLI
refuses more than 50,000 characters by default. So the Mermaid text is fitted within those
limits as well as within ``report_graph``'s node cap.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from impactgraph.model import ImpactReport
from impactgraph.render import dot, mermaid
from impactgraph.render.diagram import DotLook, Drawing, Edge, Frame, FrameStyle, Look, MermaidLook
from impactgraph.render.diagram import Node as DrawnNode
from impactgraph.render.fitting import Fitted, Fitting, Limits
from impactgraph.render.report_graph import (
    CHANGES_GROUP,
    Diagram,
    Node,
    Role,
    bounded,
    fit,
    group_title,
    limits,
    marks,
    node_title,
    unreached_note,
)

MAX_CHARS = 50_000  # GitHub's and mermaid's maxTextSize, counted in UTF-16 code units
DOT_LIMITS = limits("dot")
MERMAID_LIMITS = limits("mermaid", MAX_CHARS)
NOTE_WIDTH = 48  # characters per line of a note in DOT (Mermaid wraps labels itself)

FONT = "Helvetica,Arial,sans-serif"
TEXT = "#24292f"
MUTED = "#57606a"


def _attributes(**attributes: str) -> Mapping[str, str]:
    return MappingProxyType(attributes)


CHANGE = _attributes(
    shape="hexagon",
    margin="0.02,0.04",  # a hexagon widens itself around the label already
    fillcolor="#fff8c5",
    color="#9a6700",
)
MODULE = _attributes(fillcolor="#f6f8fa", color="#8c959f")

DOT_LOOK = DotLook(
    graph=_attributes(
        rankdir="LR", fontname=FONT, fontsize="12", fontcolor=TEXT, nodesep="0.25", ranksep="0.6"
    ),
    node=_attributes(
        fontname=FONT,
        fontsize="10",
        fontcolor=TEXT,
        shape="box",
        style="rounded,filled",
        margin="0.15,0.06",
        **MODULE,
    ),
    edge=_attributes(fontname=FONT, fontsize="9", fontcolor=MUTED, color=MUTED, arrowsize="0.7"),
    classes=MappingProxyType(
        {
            "change": CHANGE,
            "changeBreaking": _attributes(
                **{**CHANGE, "fillcolor": "#cf222e", "color": "#82071e"},
                fontcolor="#ffffff",
                penwidth="1.5",
            ),
            "module": MODULE,
            "broken": _attributes(fillcolor="#ffebe9", color="#cf222e"),
            "package": _attributes(shape="folder"),
            # after the fill: a broken module reached through a gateway keeps its red fill
            # and gets the blue border
            "crossing": _attributes(color="#0969da", penwidth="2.5"),
            "gateway": _attributes(peripheries="2"),
            "test": _attributes(style="rounded,filled,dashed"),
        }
    ),
    note=_attributes(
        shape="note", style="filled", fillcolor="#ffffff", color=MUTED, fontcolor=MUTED
    ),
    # One HTML-like table under the title: far more compact than a cluster of sample nodes.
    legend=(  # (mark, cell attributes, font colour, text or HTML), in the order shown
        (
            "changeBreaking",
            'BGCOLOR="#cf222e" COLOR="#82071e" STYLE="rounded"',
            "#ffffff",
            "breaking change",
        ),
        (
            "change",
            'BGCOLOR="#fff8c5" COLOR="#9a6700" STYLE="rounded"',
            TEXT,
            "non-breaking change",
        ),
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
    ),
)

HEXAGON = ('{{"', '"}}')
MERMAID_LOOK = MermaidLook(
    shapes=MappingProxyType(
        {"change": HEXAGON, "changeBreaking": HEXAGON, "gateway": ('[["', '"]]')}
    ),
    class_defs=MappingProxyType(
        {
            "change": "fill:#fff8c5,stroke:#9a6700,color:#24292f",
            "changeBreaking": "fill:#cf222e,stroke:#82071e,color:#ffffff",
            "module": "fill:#f6f8fa,stroke:#8c959f,color:#24292f",
            "broken": "fill:#ffebe9,stroke:#cf222e,color:#24292f",
            # after "broken" on purpose: for a broken module that crosses a gateway, the blue
            # border wins and the red fill stays
            "crossing": "stroke:#0969da,stroke-width:3px",
            "test": "stroke-dasharray:5 3",
            "note": "fill:#ffffff,stroke:#8c959f,stroke-dasharray:2 2,color:#57606a",
            "legend": "fill:#ffffff,stroke:#d0d7de,color:#24292f,text-align:left",
        }
    ),
    # (marks that call for the line, line): short lines, as mermaid wraps labels at 200px
    legend=(
        (frozenset({"change", "changeBreaking"}), "hexagon: changed symbol"),
        (frozenset({"changeBreaking"}), "red hexagon: breaking"),
        (frozenset({"broken"}), "pink box: broken module"),
        (frozenset({"module"}), "grey box: not broken"),
        (frozenset({"crossing"}), "blue border: via gateway"),
        (frozenset({"gateway"}), "double bars: gateway"),
        (frozenset({"test"}), "dashed border: test"),
    ),
    # by the part of a node's key before ":" (``report_graph``): what the node stands for
    id_prefixes=MappingProxyType(
        {"change": "chg", "changes-in": "chg", "module": "mod", "package": "pkg", "tests-in": "pkg"}
    ),
    title=False,  # the first line's comment names the revisions; a PR comment has a heading
)
LOOK = Look(DOT_LOOK, MERMAID_LOOK)

PACKAGE_FRAME = FrameStyle(fill="#ffffff", stroke="#d0d7de", text=MUTED)
CHANGED_MODULE_FRAME = FrameStyle(fill="#fffdf3", stroke="#d4a72c", text=MUTED, dashed=True)
CHANGES_FRAME = FrameStyle(stroke=MUTED, dashed=True)


def to_dot(report: ImpactReport) -> str:
    return fitted(report, DOT_LIMITS).text


def to_mermaid(report: ImpactReport) -> str:
    return fitted(report, MERMAID_LIMITS).text


def fitted(report: ImpactReport, limits: Limits = MERMAID_LIMITS) -> Fitted[Diagram]:
    """The most detailed diagram within ``limits``, and its text in ``limits.format``."""
    write = mermaid.write if limits.format == "mermaid" else dot.write
    return fit(report, Fitting(limits, lambda diagram: write(draw(diagram))))


def draw(diagram: Diagram) -> Drawing:
    clusters = diagram.clusters()
    outside = clusters.pop("")
    frames = tuple(
        _frame(number, group, members)
        for number, (group, members) in enumerate(clusters.items(), start=1)
    )
    comments = [
        f"impactgraph impact: {diagram.base} → {diagram.head} ({diagram.level.value} level)"
    ]
    notes = []
    if diagram.omitted:
        comments.append(diagram.omitted)
        notes.append(DrawnNode("omitted", tuple(_wrap(diagram.omitted))))
    if diagram.unreached:
        notes.append(DrawnNode("unreached", (unreached_note(diagram),)))
    return Drawing(
        name="impact",
        direction="LR",
        look=LOOK,
        # changes first: dagre then puts them in the first column
        nodes=tuple(_node(node) for node in sorted(outside, key=_changes_first)),
        frames=frames,
        edges=tuple(
            Edge(edge.source, edge.target, label=", ".join(edge.kinds)) for edge in diagram.edges
        ),
        title=f"impactgraph: {diagram.base} → {diagram.head}",
        comments=tuple(comments),
        notes=tuple(notes),
        marks=frozenset(marks(diagram)) if diagram.nodes else frozenset(),
    )


def _frame(number: int, group: str, members: list[Node]) -> Frame:
    nodes = tuple(_node(node, group) for node in members)
    title = group_title(group)
    if group == CHANGES_GROUP:
        # Mermaid: changes stay outside any subgraph; a "Changes" subgraph makes dagre stretch
        # it across the whole drawing, and the hexagons already say what they are.
        return Frame("changes", "Changes", CHANGES_FRAME, nodes, mermaid=False)
    if group.startswith(CHANGES_GROUP):
        return Frame(
            str(number), bounded(title), CHANGED_MODULE_FRAME, nodes, tooltip=title, name=title
        )
    return Frame(str(number), bounded(title), PACKAGE_FRAME, nodes, name=title)


def _node(node: Node, group: str = "") -> DrawnNode:
    label = tuple(bounded(line) for line in [node_title(node, group), *node.detail.splitlines()])
    full = "\n".join([node.title, *node.detail.splitlines()])
    tooltip = full if full != "\n".join(label) else ""  # the whole text, on hover in the SVG
    if node.role is Role.CHANGE:
        classes = ["changeBreaking" if node.breaking else "change"]
    else:
        classes = ["broken" if node.breaking else "module"]
        if node.role is Role.PACKAGE:
            classes.append("package")
        if node.crosses_gateway or node.gateway:
            classes.append("crossing")
        if node.gateway:
            classes.append("gateway")
        if node.is_test:
            classes.append("test")
    return DrawnNode(node.key, label, tuple(classes), tooltip)


def _changes_first(node: Node) -> bool:
    return node.role is not Role.CHANGE


def _wrap(text: str, width: int = NOTE_WIDTH) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
