"""Use case: a source tree (working tree or git revision) -> summaries -> CodeGraph."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from impactgraph.config import Config, load_config
from impactgraph.discovery import SourceFile, discover
from impactgraph.errors import InputError
from impactgraph.indexer import summarize_bytes
from impactgraph.linker import CodeGraph, link
from impactgraph.model import Diagnostic, FileSummary

Reader = Callable[[str], bytes]


@dataclass
class IndexResult:
    graph: CodeGraph
    summaries: list[FileSummary]
    files: list[SourceFile]
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0


def summarize_files(
    files: Sequence[SourceFile], read: Reader
) -> tuple[list[FileSummary], list[Diagnostic]]:
    """One summary per readable file; unreadable ones become warnings."""
    summaries: list[FileSummary] = []
    warnings: list[Diagnostic] = []
    for source_file in files:
        try:
            data = read(source_file.path)
        except InputError as error:
            warnings.append(Diagnostic(source_file.path, str(error)))
            continue
        summaries.append(summarize_bytes(data, source_file.module, source_file.path))
    return summaries, warnings


def index_directory(root: Path, config: Config | None = None) -> IndexResult:
    """Index the working tree at ``root``."""
    from impactgraph.adapters.fs import iter_python_files, read_source

    started = time.perf_counter()
    root = Path(root)
    if config is None:
        config = load_config(root)
    files = discover(iter_python_files(root), config.source_roots, config.exclude)
    summaries, warnings = summarize_files(files, lambda path: read_source(root, path))
    graph = link(summaries, warnings)
    return IndexResult(graph, summaries, files, graph.warnings, time.perf_counter() - started)
