"""A revision's summaries by file path, each decoded when first read.

A graph loaded from the graph store reads its summaries lazily (``changes.RevisionSummaries``):
the paths come from the module nodes (the linker gives every summary one), so asking for one
file's summary does not decode the whole revision.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from impactgraph.linker import CodeGraph
from impactgraph.model import FileSummary


def module_path(graph: CodeGraph, module: str) -> str:
    """A module's path, from its node when it has one, else from its summary."""
    if module in graph:
        path = graph.path_of(module)
        if path:
            return path
    return graph.summaries[module].path


class SummariesByPath(Mapping[str, FileSummary]):
    """path -> summary of one graph's modules; iterating gives the paths, decoding nothing."""

    def __init__(self, graph: CodeGraph) -> None:
        self.graph = graph
        self.modules = {module_path(graph, module): module for module in graph.summaries}

    def __getitem__(self, path: str) -> FileSummary:
        return self.graph.summaries[self.modules[path]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.modules)

    def __len__(self) -> int:
        return len(self.modules)

    def __contains__(self, path: object) -> bool:
        return path in self.modules
