"""The impact graph as a Mermaid flowchart.

Changed symbols are hexagons (breaking ones filled red), affected modules are boxes grouped
in a subgraph per package (red when a breaking change breaks them, a thick blue border when a
path to them crosses a gateway, a double-edged box for a gateway itself, dashed for tests), and
each shows its depth. A legend lists the marks the diagram uses.

GitHub renders a Mermaid block only up to 50,000 characters and 500 edges; mermaid's own CLI
refuses more than 50,000 characters by default. So the diagram is fitted within those limits
(and within ``report_graph``'s node cap for legibility), collapsing to modules and then
packages, and a note node says what was left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

MAX_CHARS = 50_000  # GitHub's and mermaid's maxTextSize, counted in UTF-16 code units
LIMITS = Limits()

CLASS_DEFS = {
    "change": "fill:#fff8c5,stroke:#9a6700,color:#24292f",
    "changeBreaking": "fill:#cf222e,stroke:#82071e,color:#ffffff",
    "module": "fill:#f6f8fa,stroke:#8c959f,color:#24292f",
    "broken": "fill:#ffebe9,stroke:#cf222e,color:#24292f",
    # after "broken" on purpose: for a broken module that crosses a gateway, the blue border
    # wins and the red fill stays
    "crossing": "stroke:#0969da,stroke-width:3px",
    "test": "stroke-dasharray:5 3",
    "note": "fill:#ffffff,stroke:#8c959f,stroke-dasharray:2 2,color:#57606a",
    "legend": "fill:#ffffff,stroke:#d0d7de,color:#24292f,text-align:left",
}
# (marks that call for the line, line): short lines, as mermaid wraps labels at 200px
LEGEND = (
    ({"change", "changeBreaking"}, "hexagon: changed symbol"),
    ({"changeBreaking"}, "red hexagon: breaking"),
    ({"broken"}, "pink box: broken module"),
    ({"module"}, "grey box: not broken"),
    ({"crossing"}, "blue border: via gateway"),
    ({"gateway"}, "double bars: gateway"),
    ({"test"}, "dashed border: test"),
)
PACKAGE_STYLE = "fill:#ffffff,stroke:#d0d7de,color:#57606a"
CHANGED_MODULE_STYLE = "fill:#fffdf3,stroke:#d4a72c,stroke-dasharray:4 3,color:#57606a"


@dataclass(frozen=True, slots=True)
class Fitted:
    text: str
    diagram: Diagram


def render(report: ImpactReport) -> str:
    return fitted(report).text


def fitted(report: ImpactReport, *, limits: Limits = LIMITS, max_chars: int = MAX_CHARS) -> Fitted:
    """The most detailed diagram within ``limits`` and ``max_chars``, and its text."""
    texts: dict[int, str] = {}

    def fits(diagram: Diagram) -> bool:
        if not diagram.within(limits):
            return False
        text = texts[id(diagram)] = render_diagram(diagram)
        return utf16_length(text) <= max_chars

    diagram = fit(report, fits)
    return Fitted(texts.get(id(diagram)) or render_diagram(diagram), diagram)


def render_diagram(diagram: Diagram, *, legend: bool = True) -> str:
    ids = _Ids()
    lines = [
        f"%% impactgraph impact: {_comment(diagram.base)} → {_comment(diagram.head)}"
        f" ({diagram.level.value} level)",
        "flowchart LR",
    ]
    extra: dict[str, list[str]] = {}
    # Unconnected nodes first: dagre then puts them at the top of the first column, where no
    # edge runs behind them.
    if legend and diagram.nodes:
        lines.append(_legend(diagram, ids))
        extra["legend"] = [ids.of(_LEGEND_KEY)]
    if diagram.omitted:
        note = ids.new("note", "omitted", _NOTE_KEY)
        lines.append(f'    {note}["{escape(diagram.omitted)}"]')
        extra["note"] = [note]
    if diagram.unreached:
        quiet = ids.new("note", "unreached", _UNREACHED_KEY)
        lines.append(f'    {quiet}["{escape(unreached_note(diagram))}"]')
        extra.setdefault("note", []).append(quiet)
    # Changes stay outside any subgraph: a "Changes" subgraph makes dagre stretch it across
    # the whole drawing, and the hexagons already say what they are.
    clusters = diagram.clusters()
    outside = clusters.pop("") + clusters.pop(CHANGES_GROUP, [])
    lines.extend(f"    {_node(node, ids)}" for node in sorted(outside, key=_changes_first))
    packages = list(clusters)
    for package in packages:
        group_id = ids.new("grp", group_title(package), _GROUP + package)
        lines.append(f'    subgraph {group_id}["{escape(bounded(group_title(package)))}"]')
        lines.extend(f"        {_node(node, ids, package)}" for node in clusters[package])
        lines.append("    end")
    for edge in diagram.edges:
        arrow = f'-->|"{escape(", ".join(edge.kinds))}"|' if edge.kinds else "-->"
        lines.append(f"    {ids.of(edge.source)} {arrow} {ids.of(edge.target)}")
    classes = _classes(diagram, ids) | extra
    lines.extend(f"    classDef {name} {style}" for name, style in CLASS_DEFS.items())
    lines.extend(
        f"    class {','.join(members)} {name}"
        for name in CLASS_DEFS
        if (members := classes.get(name))
    )
    # Subgraphs take no classDef everywhere GitHub renders; ``style`` works on all versions.
    lines.extend(
        f"    style {ids.of(_GROUP + package)} "
        + (CHANGED_MODULE_STYLE if package.startswith(CHANGES_GROUP) else PACKAGE_STYLE)
        for package in packages
    )
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """Text for a quoted Mermaid label: entity codes for what would end or confuse it."""
    text = text.replace("#", "#35;")
    for char, code in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;")):
        text = text.replace(char, code)
    return text.replace("\n", " ")


def utf16_length(text: str) -> int:
    """Length as JavaScript (and so mermaid and GitHub) counts it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# -- helpers ----------------------------------------------------------------------------------


class _Ids:
    """Mermaid ids: letters, digits and ``_`` only, unique, stable for a given diagram."""

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = set()

    def new(self, prefix: str, name: str, key: str | None = None) -> str:
        """A fresh id made from ``name``, remembered under ``key`` (default: ``name``)."""
        base = f"{prefix}_" + (re.sub(r"[^A-Za-z0-9_]", "_", name.strip("\0")) or "x")
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}_{number}"
        self._taken.add(candidate)
        self._by_key[name if key is None else key] = candidate
        return candidate

    def of(self, key: str) -> str:
        return self._by_key[key]


# Keys of the extra nodes and subgraphs: they cannot clash with node keys ("module:...").
_NOTE_KEY = "\0note"
_UNREACHED_KEY = "\0unreached"
_LEGEND_KEY = "\0legend"
_GROUP = "\0group:"
_PREFIX = {Role.CHANGE: "chg", Role.MODULE: "mod", Role.PACKAGE: "pkg"}


def _node(node: Node, ids: _Ids, group: str = "") -> str:
    # The key (not the title) names the id: "changes-in:orders" and "package:orders" differ.
    node_id = ids.new(_PREFIX[node.role], node.key.split(":", 1)[1], node.key)
    lines = [node_title(node, group), *node.detail.splitlines()]
    label = "<br/>".join(escape(bounded(line)) for line in lines)
    if node.role is Role.CHANGE:
        return f'{node_id}{{{{"{label}"}}}}'
    if node.gateway:
        return f'{node_id}[["{label}"]]'
    return f'{node_id}["{label}"]'


def _changes_first(node: Node) -> bool:
    return node.role is not Role.CHANGE


def _classes(diagram: Diagram, ids: _Ids) -> dict[str, list[str]]:
    classes: dict[str, list[str]] = {}
    for node in diagram.nodes:
        node_id = ids.of(node.key)
        if node.role is Role.CHANGE:
            names = ["changeBreaking" if node.breaking else "change"]
        else:
            names = ["broken" if node.breaking else "module"]
            if node.crosses_gateway or node.gateway:
                names.append("crossing")
            if node.is_test:
                names.append("test")
        for name in names:
            classes.setdefault(name, []).append(node_id)
    return classes


def _legend(diagram: Diagram, ids: _Ids) -> str:
    """One node that explains the marks in use.

    Mermaid has no legend, and sample nodes in a subgraph are laid out by dagre as a wide
    band across the top that pushes the graph apart; one text node stays small.
    """
    used = marks(diagram)
    lines = ["<b>Legend</b>"] + [escape(text) for needs, text in LEGEND if needs & used]
    node_id = ids.new("impact", "legend", _LEGEND_KEY)
    return f'    {node_id}["{"<br/>".join(lines)}"]'


def _comment(text: str) -> str:
    return text.replace("\n", " ")
