"""Use case: a folder of code -> its call graph in the PyCG format (written by ``render/``)."""

from __future__ import annotations

from pathlib import Path

from impactgraph.render.callgraph_pycg import FUNCTION_NODE_KINDS, dotted, to_pycg

__all__ = ["FUNCTION_NODE_KINDS", "dotted", "pycg_for_directory", "to_pycg"]


def pycg_for_directory(root: Path) -> dict[str, list[str]]:
    """Index ``root`` (a repository or a loose folder of modules) and export its call graph."""
    from impactgraph.app.indexing import index_directory

    graph = index_directory(root).graph
    return to_pycg(graph)
