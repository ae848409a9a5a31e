"""A Drawing as a Mermaid flowchart: subgraphs for frames, classes and styles from its look.

Mermaid identifiers cannot safely hold dots or colons and a few words (``end``) are keywords,
so every node and subgraph gets a generated id (letters, digits, ``_``) and its text goes in a
quoted label (``escape.mermaid_text``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from impactgraph.render.diagram import Drawing, Frame, FrameStyle, Node
from impactgraph.render.escape import comment, mermaid_id, mermaid_text, mermaid_title

INDENT = "  "
DEFAULT_SHAPE = ('["', '"]')
LEGEND_CLASS = "legend"
NOTE_CLASS = "note"
# GitHub renders a Mermaid diagram of at most this many links, invisible ones included
MAX_LINKS = 500


def write(drawing: Drawing) -> str:
    return _Writer(drawing).write()


class _Writer:
    def __init__(self, drawing: Drawing) -> None:
        self.drawing = drawing
        self.look = drawing.look.mermaid
        self.ids: dict[str, str] = {}
        self.taken: set[str] = set()
        self.classes: dict[str, list[str]] = {}
        self.styles: list[str] = []
        self.frame_numbers: Iterator[int] = itertools.count()
        if self.look.short_ids:  # in name order: stable whatever the frames
            nodes = sorted(node.id for node in drawing.all_nodes())
            self.ids = {node: f"n{number}" for number, node in enumerate(nodes)}

    def write(self) -> str:
        drawing = self.drawing
        lines = self._front_matter()
        lines += [f"%% {comment(text)}" for text in drawing.comments]
        lines.append(f"flowchart {drawing.direction}")
        # Unconnected nodes (the legend, the notes) first: dagre puts them at the top of the
        # first column; an invisible link to a source node (below) keeps that column theirs.
        lines += self._legend()
        loose_ids = list(self.classes.get(LEGEND_CLASS, ()))
        for note in drawing.notes:
            note_id = self._new_id("note", note.id)
            lines.append(f'{INDENT}{note_id}["{mermaid_text(" ".join(note.label))}"]')
            self.classes.setdefault(NOTE_CLASS, []).append(note_id)
            loose_ids.append(note_id)
        loose = [node for frame in drawing.frames if not frame.mermaid for node in frame.nodes]
        lines += [f"{INDENT}{self._node(node)}" for node in loose + list(drawing.nodes)]
        for frame in drawing.frames:
            if frame.mermaid:
                lines += self._subgraph(frame, depth=1)
        by_style: dict[str, list[int]] = {}
        for number, edge in enumerate(drawing.edges):
            by_style.setdefault(edge.style, []).append(number)
            arrow = self.look.arrows.get(edge.style, "-->")
            if edge.label:
                arrow += f'|"{mermaid_text(edge.label)}"|'
            lines.append(f"{INDENT}{self.ids[edge.source]} {arrow} {self.ids[edge.target]}")
        # after the edges, so that ``linkStyle`` numbers stay theirs
        lines += self._keep_apart(loose_ids)
        used = [name for name in self.look.class_defs if self.classes.get(name)]
        lines += [f"{INDENT}classDef {name} {self.look.class_defs[name]}" for name in used]
        lines += [f"{INDENT}class {','.join(self.classes[name])} {name}" for name in used]
        lines += self.styles
        lines += [
            f"{INDENT}linkStyle {','.join(map(str, numbers))} {self.look.link_styles[style]}"
            for style, numbers in sorted(by_style.items())
            if style in self.look.link_styles
        ]
        return "\n".join(lines) + "\n"

    def _front_matter(self) -> list[str]:
        kinds = self.drawing.edge_legend
        legend = ", ".join(f"{kind} {self.look.edge_words.get(kind, kind)}" for kind in kinds)
        parts = [self.drawing.title if self.look.title else "", "edges: " + legend if kinds else ""]
        heading = " · ".join(part for part in parts if part)
        return ["---", f"title: {mermaid_title(heading)}", "---"] if heading else []

    def _legend(self) -> list[str]:
        """One text node that explains the node marks in use.

        Mermaid has no legend, and sample nodes in a subgraph are laid out by dagre as a wide
        band across the top that pushes the graph apart; one text node stays small.
        """
        marks = self.drawing.marks
        lines = [mermaid_text(text) for needs, text in self.look.legend if needs & marks]
        if not lines:
            return []
        legend_id = self._new_id("impact", "legend")
        self.classes.setdefault(LEGEND_CLASS, []).append(legend_id)
        return [f'{INDENT}{legend_id}["{"<br/>".join(["<b>Legend</b>", *lines])}"]']

    def _keep_apart(self, loose_ids: list[str]) -> list[str]:
        """Invisible links (``~~~``) from each unconnected node to each node that no edge
        enters (the changes). In the changes' column the legend sat in the way of the edges
        leaving them for a node placed above or below it (dagre draws an edge from the side of
        its source that faces the target); one rank before them, no edge passes it. GitHub
        counts invisible links against its limit of links too: past it, fewer are drawn."""
        targets = {edge.target for edge in self.drawing.edges}
        sources = list(dict.fromkeys(
            edge.source for edge in self.drawing.edges if edge.source not in targets))
        room = max(0, MAX_LINKS - len(self.drawing.edges))
        pairs = [(loose, self.ids[source]) for loose in loose_ids for source in sources]
        return [f"{INDENT}{loose} ~~~ {source}" for loose, source in pairs[:room]]

    def _subgraph(self, frame: Frame, depth: int) -> list[str]:
        if self.look.short_ids:
            frame_id = f"s{next(self.frame_numbers)}"
        else:
            frame_id = self._new_id("grp", frame.name or frame.id)
        style = _frame_style(frame.style)
        if style:
            self.styles.append(f"{INDENT}style {frame_id} {style}")
        indent = INDENT * depth
        lines = [f'{indent}subgraph {frame_id}["{mermaid_text(frame.label)}"]']
        lines += [f"{indent}{INDENT}{self._node(node)}" for node in frame.nodes]
        for child in frame.frames:
            if child.mermaid:
                lines += self._subgraph(child, depth + 1)
            else:
                lines += [f"{indent}{INDENT}{self._node(node)}" for node in child.nodes]
        lines.append(f"{indent}end")
        return lines

    def _node(self, node: Node) -> str:
        node_id = self.ids.get(node.id)
        if node_id is None:
            prefix, _, name = node.id.partition(":")
            node_id = self._new_id(self.look.id_prefixes.get(prefix, "n"), name or prefix, node.id)
        for name in node.classes:
            if name in self.look.class_defs:
                self.classes.setdefault(name, []).append(node_id)
        opening, closing = next(
            (self.look.shapes[name] for name in node.classes if name in self.look.shapes),
            DEFAULT_SHAPE,
        )
        label = "<br/>".join(mermaid_text(line) for line in node.label)
        return f"{node_id}{opening}{label}{closing}"

    def _new_id(self, prefix: str, name: str, key: str | None = None) -> str:
        base = mermaid_id(prefix, name)
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{base}_{number}"
        self.taken.add(candidate)
        if key is not None:
            self.ids[key] = candidate
        return candidate


def _frame_style(style: FrameStyle) -> str:
    parts = []
    if style.fill is not None:
        parts.append(f"fill:{style.fill}")
    if style.stroke is not None:
        parts.append(f"stroke:{style.stroke}")
    if style.dashed:
        parts.append("stroke-dasharray:4 3")
    if style.text is not None:
        parts.append(f"color:{style.text}")
    return ",".join(parts)
