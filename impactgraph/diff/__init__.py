"""The diff engine: old vs new FileSummaries -> Changes with their breaking verdicts. Pure."""

from __future__ import annotations

from impactgraph.diff.engine import UsedElsewhere, diff_summaries, is_private, never_used

__all__ = ["UsedElsewhere", "diff_summaries", "is_private", "never_used"]
