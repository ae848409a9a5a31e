"""The one diagram model both diagram commands draw: ``graph`` (a CodeGraph) and ``impact``.

Each command first projects its data into a ``Drawing`` (``graph_drawing``, ``impact_drawing``):
nodes with label lines and style classes, nested frames, edges, notes and the marks a legend
must explain. One DOT writer (``dot``) and one Mermaid writer (``mermaid``) turn any drawing
into text, and one fitting step (``fitting``) keeps it within what a format can lay out. What a
style class looks like in each format is data, a ``Look`` per command: the writers know the
syntax, the looks the colours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any


class Level(str, Enum):
    """What one node stands for; both commands draw at these levels."""

    MODULE = "module"
    PACKAGE = "package"
    SYMBOL = "symbol"


# From the finest level to the coarsest: the order in which a too-large diagram is collapsed.
COARSER = MappingProxyType({Level.SYMBOL: Level.MODULE, Level.MODULE: Level.PACKAGE})

Attributes = Mapping[str, str]  # Graphviz attributes, quoted by the writer


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # unique within the drawing
    label: tuple[str, ...]  # lines
    classes: tuple[str, ...] = ()  # style classes, in the order their looks apply
    tooltip: str = ""  # DOT only: shown on hover in the SVG


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    style: str = ""  # an edge style class ("" for the plain arrow)
    label: str = ""
    tooltip: str = ""  # DOT only


@dataclass(frozen=True, slots=True)
class FrameStyle:
    """A frame's colours, in both formats."""

    fill: str | None = None
    stroke: str | None = None
    text: str | None = None  # the label's colour (Mermaid; DOT keeps the graph's)
    dashed: bool = False
    font_size: int | None = None  # DOT only
    label_left: bool = False  # DOT only
    margin: int | None = None  # DOT only


@dataclass(frozen=True, slots=True)
class Frame:
    """A cluster (DOT) or subgraph (Mermaid) around nodes and smaller frames."""

    id: str  # unique among frames
    label: str
    style: FrameStyle
    nodes: tuple[Node, ...] = ()
    frames: tuple[Frame, ...] = ()
    tooltip: str = ""  # DOT only
    name: str = ""  # what a readable Mermaid id is made from (default: ``id``)
    # Mermaid's layout (dagre) stretches a large frame of unconnected nodes across the whole
    # drawing; such a frame is drawn in DOT only, its nodes loose in Mermaid.
    mermaid: bool = True


@dataclass(frozen=True, slots=True)
class DotLook:
    graph: Attributes = field(default_factory=_empty)
    node: Attributes = field(default_factory=_empty)  # defaults for every node
    edge: Attributes = field(default_factory=_empty)
    classes: Mapping[str, Attributes] = field(default_factory=_empty)  # node style classes
    edges: Mapping[str, Attributes] = field(default_factory=_empty)  # edge style classes
    note: Attributes = field(default_factory=_empty)
    # (mark, HTML cell attributes, font colour, text or HTML): a strip under the title
    legend: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class MermaidLook:
    shapes: Mapping[str, tuple[str, str]] = field(default_factory=_empty)  # first class found
    class_defs: Mapping[str, str] = field(default_factory=_empty)  # in stylesheet order
    arrows: Mapping[str, str] = field(default_factory=_empty)  # edge style -> arrow
    link_styles: Mapping[str, str] = field(default_factory=_empty)
    edge_words: Mapping[str, str] = field(default_factory=_empty)  # the edge legend, in words
    # (marks that call for the line, line): the node legend, drawn as one text node
    legend: tuple[tuple[frozenset[str], str], ...] = ()
    id_prefixes: Mapping[str, str] = field(default_factory=_empty)  # class -> readable id
    # Short generated ids (n0, n1, ...) keep a 300-node graph within GitHub's 50,000
    # characters; readable ids (mod_orders_cart) suit the smaller impact diagrams.
    short_ids: bool = False
    title: bool = True  # draw ``Drawing.title`` in the front matter


@dataclass(frozen=True, slots=True)
class Look:
    dot: DotLook
    mermaid: MermaidLook


@dataclass(frozen=True, slots=True)
class Drawing:
    name: str  # the DOT graph's name
    direction: str  # "LR" or "TB"
    look: Look
    nodes: tuple[Node, ...] = ()  # outside any frame
    frames: tuple[Frame, ...] = ()
    edges: tuple[Edge, ...] = ()
    title: str = ""
    comments: tuple[str, ...] = ()
    notes: tuple[Node, ...] = ()  # unconnected remarks (what was left out)
    edge_legend: tuple[str, ...] = ()  # edge style classes to explain, in order
    marks: frozenset[str] = frozenset()  # node marks the legend explains

    def all_nodes(self) -> list[Node]:
        """Every node in frames or not, in drawing order (notes excluded)."""
        found = list(self.nodes)
        stack = list(reversed(self.frames))
        while stack:
            frame = stack.pop()
            found.extend(frame.nodes)
            stack.extend(reversed(frame.frames))
        return found
