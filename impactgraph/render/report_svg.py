"""The impact graph as SVG or PNG: the DOT format laid out by Graphviz (``adapters.graphviz``)."""

from __future__ import annotations

from impactgraph.adapters.graphviz import DEFAULT_TIMEOUT, ImageFormat, render_dot
from impactgraph.model import ImpactReport
from impactgraph.render import report_drawing

TOO_SLOW_HINT = "limit the traversal with --max-depth N, or write --format dot and lay it out"


def render(report: ImpactReport, *, timeout: float = DEFAULT_TIMEOUT) -> str:
    """SVG text; ``RenderError`` when ``dot`` is missing, fails or exceeds ``timeout``."""
    return image(report, "svg", timeout=timeout).decode("utf-8")


def image(
    report: ImpactReport, fmt: ImageFormat = "png", *, timeout: float = DEFAULT_TIMEOUT
) -> bytes:
    """The impact graph as SVG or PNG bytes (``impact --format svg|png``)."""
    return render_dot(report_drawing.to_dot(report), fmt, timeout, hint=TOO_SLOW_HINT)
