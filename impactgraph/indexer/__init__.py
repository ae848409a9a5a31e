"""Source text -> FileSummary. Pure: it never opens a file; the caller hands it the text."""

from __future__ import annotations

from impactgraph.indexer.parse import summarize, summarize_bytes

__all__ = ["summarize", "summarize_bytes"]
