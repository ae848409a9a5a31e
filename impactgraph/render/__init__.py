"""Renderers: one module per format, each a pure ``render(...) -> str``.

``RENDERERS`` maps the ``impact --format`` names to renderers of an ``ImpactReport``. Each is
called as ``renderer(report)``; the text renderer also takes ``color=`` (the CLI decides: a TTY
and ``NO_COLOR`` unset), and the SVG renderer ``timeout=`` (seconds for Graphviz). The CodeGraph
renderers of ``impactgraph graph`` (``graph_*``) are separate; both draw their diagrams through
``diagram`` (the model), ``fitting``, ``dot``, ``mermaid`` and ``escape``.

``RENDERERS`` is made on first use: every command imports some module of this package
(``changes`` its summary helpers), and loading every renderer (rich among them) would cost
each one a tenth of a second.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from impactgraph.model import ImpactReport

ReportRenderer = Callable[[ImpactReport], str]


def __getattr__(name: str) -> Mapping[str, ReportRenderer]:
    if name != "RENDERERS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from impactgraph.render import markdown, report_drawing, report_json, report_svg, report_text

    renderers: Mapping[str, ReportRenderer] = MappingProxyType(
        {
            "text": report_text.render,
            "json": report_json.render,
            "markdown": markdown.render,
            "mermaid": report_drawing.to_mermaid,
            "dot": report_drawing.to_dot,
            "svg": report_svg.render,
        }
    )
    globals()["RENDERERS"] = renderers
    return renderers


__all__ = ["RENDERERS", "ReportRenderer"]
