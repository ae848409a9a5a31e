"""``impactgraph index`` (build or refresh the summary cache) and ``impactgraph cache clear``."""

from __future__ import annotations

import json
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from impactgraph.cli.app import app, handle_errors, note, write_output
from impactgraph.cli.options import (
    CacheDirOption,
    JobsOption,
    NoCacheOption,
    check_directory,
    command_session,
)

_HERE = Path(".")

cache_app = typer.Typer(
    name="cache", help="Manage the summary cache (PATH/.impactgraph/).", no_args_is_help=True
)
app.add_typer(cache_app)


class CountsFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


@app.command()
@handle_errors
def index(
    path: Annotated[Path, typer.Argument(help="The source tree to index.")] = _HERE,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
    jobs: JobsOption = None,
    output_format: Annotated[
        CountsFormat, typer.Option("--format", help="text or json.")
    ] = CountsFormat.TEXT,
) -> None:
    """Index PATH (build or refresh its summary cache) and print what the graph holds.

    Files that could not be read or parsed are listed on stderr, one per line.
    """
    from impactgraph.app.indexing import cached_counts, index_directory, read_tree

    check_directory(path)
    started = time.perf_counter()
    with command_session(path, jobs, no_cache, cache_dir) as session:
        cached = session.cache.enabled
        # Nothing changed since this tree was linked: its counts are in the cache already.
        tree = read_tree(path, None, session.cache)
        known = cached_counts(path, None, session, tree)
        if known is not None:
            files, graph_counts, warnings = known
            hits, misses, read = len(files), 0, 0
        else:
            result = index_directory(path, session=session, progress=True,
                                     want_summaries=False, source_tree=tree)
            files, graph_counts, warnings = result.files, result.graph.counts(), result.warnings
            hits, misses, read = result.cache_hits, result.cache_misses, result.files_read
    for warning in warnings:
        note(f"impactgraph: warning: {warning.path}: {warning.message}")
    counts: dict[str, Any] = {"files": len(files), **graph_counts}
    counts["warnings"] = len(warnings)
    counts["cache"] = "on" if cached else "off"
    counts["cache_hits"] = hits
    counts["cache_misses"] = misses
    counts["files_read"] = read
    counts["seconds"] = round(time.perf_counter() - started, 2)
    if output_format is CountsFormat.JSON:
        write_output(json.dumps(counts, indent=2), None)
    else:
        write_output(render_counts(counts), None)


def render_counts(counts: dict[str, Any]) -> str:
    edges = [(k.removesuffix("_edges"), v) for k, v in counts.items() if k.endswith("_edges")]
    lines = [
        f"files             {counts['files']}",
        f"modules           {counts['modules']}",
        f"classes           {counts['classes']}",
        f"functions         {counts['functions']}",
        f"edges             {counts['edges']}",
        *(f"  {kind:<15} {value}" for kind, value in edges),
        f"unresolved calls  {counts['unresolved_calls']}",
        f"warnings          {counts['warnings']}",
    ]
    if counts["cache"] == "on":
        lines.append(
            f"cache             {counts['cache_hits']} hits, {counts['cache_misses']} misses, "
            f"{counts['files_read']} files read"
        )
    else:
        lines.append(f"cache             off, {counts['files_read']} files read")
    lines.append(f"seconds           {counts['seconds']:.2f}")
    return "\n".join(lines)


@cache_app.command("clear")
@handle_errors
def clear(
    path: Annotated[Path, typer.Argument(help="The source tree whose cache to delete.")] = _HERE,
    cache_dir: CacheDirOption = None,
) -> None:
    """Delete the summary cache of PATH."""
    from impactgraph.adapters.cache import clear_cache
    from impactgraph.adapters.cache_folder import resolve_cache_dir

    check_directory(path)
    directory = resolve_cache_dir(path, cache_dir)
    if clear_cache(path, directory):
        typer.echo(f"removed the cache in {directory}", err=True)
    else:
        typer.echo(f"no cache in {directory}", err=True)
