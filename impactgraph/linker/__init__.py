"""Summaries -> CodeGraph."""

from impactgraph.linker.graph import CodeGraph
from impactgraph.linker.link import link

__all__ = ["CodeGraph", "link"]
