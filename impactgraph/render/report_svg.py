"""The impact graph as SVG: the DOT format laid out by Graphviz (``adapters.graphviz``)."""

from __future__ import annotations

from impactgraph.adapters.graphviz import DEFAULT_TIMEOUT, render_dot
from impactgraph.model import ImpactReport
from impactgraph.render import report_dot

TOO_SLOW_HINT = "limit the traversal with --max-depth N, or write --format dot and lay it out"


def render(report: ImpactReport, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """SVG text; ``RenderError`` when ``dot`` is missing, fails or exceeds ``timeout``."""
    image = render_dot(report_dot.render(report), "svg", timeout, hint=TOO_SLOW_HINT)
    return image.decode("utf-8")
