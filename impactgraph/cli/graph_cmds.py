"""``impactgraph graph`` and ``impactgraph callgraph``: the linked graph of a source tree."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from impactgraph.app.indexing import IndexResult, index_directory
from impactgraph.cli.app import app, handle_errors, note, stdout_is_terminal, write_output
from impactgraph.cli.options import (
    CacheDirOption,
    JobsOption,
    NoCacheOption,
    command_session,
    output_path,
    write_binary_output,
)
from impactgraph.errors import InputError, UsageError
from impactgraph.render.diagram import Level

if TYPE_CHECKING:  # loaded by the graph command only, not with every other command
    from impactgraph.render.graph_view import FittedView, GraphView, ViewFilter

_HERE = Path(".")


class GraphFormat(str, Enum):
    DOT = "dot"
    MERMAID = "mermaid"
    JSON = "json"
    SVG = "svg"
    PNG = "png"


class CallgraphFormat(str, Enum):
    JSON = "json"
    PYCG = "pycg"


OutputOption = Annotated[
    str | None, typer.Option("-o", "--output", metavar="FILE", callback=output_path,
                             help="Write here, not stdout.")
]


@app.command()
@handle_errors
def graph(
    path: Annotated[Path, typer.Argument(help="The source tree to index.")] = _HERE,
    output_format: Annotated[
        GraphFormat, typer.Option("--format", help="svg/png need Graphviz's `dot`.")
    ] = GraphFormat.DOT,
    level: Annotated[Level, typer.Option("--level", help="What a node is.")] = Level.MODULE,
    focus: Annotated[
        list[str] | None,
        typer.Option(
            "--focus",
            metavar="PATTERN",
            help="Only what is near the modules or symbols matching PATTERN (fnmatch, e.g. "
            "'catalog.*' or 'storefront.api:*'); repeatable.",
        ),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth", metavar="N", min=0, help="With --focus: keep nodes within N edges [1]."
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", "-x", metavar="PATTERN",
            help="Leave out the modules matching PATTERN and their submodules (fnmatch, e.g. "
            "'tests.*', 'test_*', 'httpx._transports'); repeatable.",
        ),
    ] = None,
    edges: Annotated[
        str | None,
        typer.Option(
            "--edges", metavar="KINDS",
            help="Draw only these edge kinds, comma-separated: calls, references, imports, "
            "inherits, overrides, exports [default: all].",
        ),
    ] = None,
    collapse: Annotated[
        int | None,
        typer.Option(
            "--collapse", metavar="N", min=1,
            help="Module level: draw modules deeper than N dotted parts as their package at "
            "depth N (2: httpx._transports.default -> httpx._transports).",
        ),
    ] = None,
    output: OutputOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Draw the module, package or symbol graph (calls, references, imports, inheritance,
    overrides, re-exports), one cluster per package.

    A graph too large to lay out (dot/svg/png: over 300 nodes or 1,000 edges; mermaid: over
    300 nodes, 500 edges or 50,000 characters) is drawn one level coarser (symbol, module,
    package) when that fits, with a note on stderr; otherwise the command stops and says
    how to cut it down with --focus and --depth.
    """
    if output_format is GraphFormat.PNG and output in (None, "-") and _stdout_is_terminal():
        raise UsageError("PNG is binary: write it to a file with -o FILE (or redirect stdout)")
    from impactgraph.render.graph_view import ViewFilter

    filters = ViewFilter(
        exclude=tuple(exclude or ()),
        edges=_edge_kinds(edges),
        collapse=collapse,
    )
    result = _index(path, jobs, no_cache, cache_dir)
    name = path.resolve().name or str(path)
    fitted = _fit(result, output_format, level, tuple(focus or ()), depth, name, filters)
    if fitted.notice:
        note(f"impactgraph: note: {fitted.notice}")
    if output_format in (GraphFormat.SVG, GraphFormat.PNG):
        from impactgraph.adapters.graphviz import render_dot

        image = render_dot(fitted.text, "svg" if output_format is GraphFormat.SVG else "png")
        write_binary_output(image, output)
    else:
        write_output(fitted.text, output)


@app.command()
@handle_errors
def callgraph(
    path: Annotated[Path, typer.Argument(help="The source tree to index.")] = _HERE,
    output_format: Annotated[
        CallgraphFormat,
        typer.Option("--format", help="json (nodes, edges with lines, unresolved calls) or pycg."),
    ] = CallgraphFormat.JSON,
    output: OutputOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """The function-level call graph.

    pycg: {"module.function": ["callee", ...]} in the conventions of the PyCG benchmarks.
    json: nodes with module, path and line; call edges with the line of the call; external
    and unresolved calls.
    """
    result = _index(path, jobs, no_cache, cache_dir)
    if output_format is CallgraphFormat.PYCG:
        from impactgraph.render.callgraph_pycg import to_pycg

        text = json.dumps(to_pycg(result.graph), indent=2) + "\n"
    else:
        from impactgraph.render import callgraph_json

        text = callgraph_json.render(result.graph)
    write_output(text, output)


def _index(
    path: Path, jobs: int | None, no_cache: bool, cache_dir: Path | None = None
) -> IndexResult:
    """Index ``path`` through its summary cache; files that could not be analysed are
    warnings on stderr."""
    if not path.exists():
        raise InputError(f"no such directory: {path}", str(path))
    if not path.is_dir():
        raise InputError(f"not a directory: {path}", str(path))
    with command_session(path, jobs, no_cache, cache_dir) as session:
        result = index_directory(path, session=session, want_summaries=False)
    for warning in result.warnings:
        note(f"impactgraph: warning: {warning.path}: {warning.message}")
    return result


def _fit(
    result: IndexResult,
    output_format: GraphFormat,
    level: Level,
    focus: tuple[str, ...],
    depth: int | None,
    name: str,
    filters: ViewFilter,
) -> FittedView:
    from impactgraph.render import graph_drawing, graph_json
    from impactgraph.render.graph_view import fit_view

    render: Callable[[GraphView], str]
    if output_format is GraphFormat.JSON:
        render = graph_json.render
    else:
        write = graph_drawing.to_mermaid if output_format is GraphFormat.MERMAID else (
            graph_drawing.to_dot
        )

        def render(view: GraphView) -> str:
            return write(view, _title(name, view))

    if output_format in (GraphFormat.JSON, GraphFormat.MERMAID):
        limits = graph_drawing.LIMITS[output_format.value]
    else:  # svg and png are DOT laid out: its limits, named as asked
        limits = dataclasses.replace(graph_drawing.LIMITS["dot"], format=output_format.value)
    return fit_view(result.graph, level, focus, depth, limits, render, filters)


def _edge_kinds(text: str | None) -> frozenset[str] | None:
    """``"calls, imports"`` -> the kinds; checked by ``ViewFilter``."""
    if text is None:
        return None
    return frozenset(kind.strip() for kind in text.split(",") if kind.strip())


def _title(name: str, view: GraphView) -> str:
    title = f"{name}: {view.level.value} graph"
    if view.focus:
        patterns = ", ".join(view.focus)
        title += f" around {patterns} (depth {view.depth})"
    return title


def _stdout_is_terminal() -> bool:
    return stdout_is_terminal()
