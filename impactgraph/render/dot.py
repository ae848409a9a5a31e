"""A Drawing as Graphviz DOT text: clusters for frames, attributes from the drawing's look."""

from __future__ import annotations

from collections.abc import Mapping

from impactgraph.render.diagram import Drawing, Edge, Frame, FrameStyle, Node
from impactgraph.render.escape import comment, dot_html, dot_string, dot_value


def write(drawing: Drawing) -> str:
    look = drawing.look.dot
    lines = [f"// {comment(text)}" for text in drawing.comments]
    graph = dict(look.graph)
    heading = _heading(drawing)
    if heading:
        graph |= {"label": heading, "labelloc": "t", "labeljust": "l"}
    lines.append(f"digraph {drawing.name} {{")
    lines += [
        f"  {kind} [{_attributes(attributes)}];"
        for kind, attributes in (("graph", graph), ("node", look.node), ("edge", look.edge))
        if attributes
    ]
    lines += [f"  {_node(drawing, node)}" for node in drawing.nodes]
    for frame in drawing.frames:
        lines += _frame(drawing, frame, depth=1)
    lines += [f"  {_edge(drawing, edge)}" for edge in drawing.edges]
    for note in drawing.notes:
        label = "\n".join(note.label)
        lines.append(f"  {dot_value(note.id)} [{_attributes({**look.note, 'label': label})}];")
    lines += _edge_legend(drawing)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _attributes(attributes: Mapping[str, str]) -> str:
    return ", ".join(
        f"{name}={value if _is_html(name, value) else dot_value(value)}"
        for name, value in attributes.items()
    )


def _is_html(name: str, value: str) -> bool:
    return name == "label" and value.startswith("<<") and value.endswith(">>")


def _node(drawing: Drawing, node: Node) -> str:
    attributes = {"label": "\n".join(node.label)}
    if node.tooltip:
        attributes["tooltip"] = node.tooltip
    for name in node.classes:
        attributes |= drawing.look.dot.classes.get(name, {})
    return f"{dot_string(node.id)} [{_attributes(attributes)}];"


def _frame(drawing: Drawing, frame: Frame, depth: int) -> list[str]:
    indent = "  " * depth
    attributes = {"label": frame.label}
    if frame.tooltip:
        attributes["tooltip"] = frame.tooltip
    attributes |= _frame_style(frame.style)
    lines = [
        f"{indent}subgraph {dot_string('cluster_' + frame.id)} {{",
        f"{indent}  graph [{_attributes(attributes)}];",
    ]
    lines += [f"{indent}  {_node(drawing, node)}" for node in frame.nodes]
    for child in frame.frames:
        lines += _frame(drawing, child, depth + 1)
    lines.append(f"{indent}}}")
    return lines


def _frame_style(style: FrameStyle) -> dict[str, str]:
    kinds = ["rounded"] + ["dashed"] * style.dashed + ["filled"] * (style.fill is not None)
    attributes = {"style": ",".join(kinds)}
    if style.fill is not None:
        attributes["fillcolor"] = style.fill
    if style.stroke is not None:
        attributes["color"] = style.stroke
    if style.font_size is not None:
        attributes["fontsize"] = str(style.font_size)
    if style.label_left:
        attributes["labeljust"] = "l"
    if style.margin is not None:
        attributes["margin"] = str(style.margin)
    return attributes


def _edge(drawing: Drawing, edge: Edge) -> str:
    attributes = dict(drawing.look.dot.edges.get(edge.style, {}))
    if edge.label:
        attributes["label"] = edge.label
    if edge.tooltip:
        attributes["tooltip"] = edge.tooltip
    ends = f"{dot_string(edge.source)} -> {dot_string(edge.target)}"
    return f"{ends} [{_attributes(attributes)}];" if attributes else f"{ends};"


def _heading(drawing: Drawing) -> str:
    """The graph's label: the title, with a legend strip of the node marks in use.

    As the graph's label the legend takes no part in the layout, unlike a cluster of sample
    nodes, which Graphviz would rank among the others.
    """
    legend = [entry for entry in drawing.look.dot.legend if entry[0] in drawing.marks]
    if not legend:
        return drawing.title
    cells = [
        f"<TD {cell}>{text}</TD>"
        if text.startswith("<")
        else f'<TD {cell}><FONT COLOR="{font}" POINT-SIZE="9">{text}</FONT></TD>'
        for _, cell, font, text in legend
    ]
    return (
        '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="4" CELLPADDING="3">'
        f'<TR><TD BORDER="0" ALIGN="LEFT" COLSPAN="{len(cells)}">'
        f'<FONT POINT-SIZE="12">{dot_html(drawing.title)}</FONT></TD></TR>'
        f"<TR>{''.join(cells)}</TR>"
        "</TABLE>>"
    )


def _edge_legend(drawing: Drawing) -> list[str]:
    """A row of the edge styles drawn, each name above a short edge in its style."""
    kinds = drawing.edge_legend
    if not kinds:
        return []
    font = drawing.look.dot.graph.get("fontname", "")
    lines = [
        '  subgraph "cluster_legend" {',
        f'    graph [label="edges", style="rounded", color="#bbbbbb", fontsize=10, '
        f"fontname={dot_string(font)}, margin=6];",
        '    node [shape=plaintext, fontsize=9, height=0.2, margin="0.02,0.0"];',
    ]
    # Names with a space cannot clash with modules or symbols.
    names = [dot_string(f"(legend) {kind}") for kind in kinds]
    for kind, name in zip(kinds, names, strict=True):
        end = dot_string(f"(legend) {kind} end")
        style = _attributes(drawing.look.dot.edges.get(kind, {}))
        lines.append(f"    {name} [label={dot_string(kind)}];")
        lines.append(f'    {end} [label="", shape=point, width=0.05, color="#ffffff"];')
        lines.append(f"    {name} -> {end} [{style}];")
    if len(names) > 1:  # keep the legend order (left to right, or top down)
        chain = names if drawing.direction == "TB" else names[::-1]
        lines.append(f"    {{ rank=same; {' -> '.join(chain)} [style=invis]; }}")
    lines.append("  }")
    return lines

