"""Test helpers: run the diff engine on small sources, answer with (symbol, kind, breaking) sets."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping

from impactgraph.diff import diff_summaries, never_used
from impactgraph.discovery import discover
from impactgraph.indexer import summarize
from impactgraph.model import Change, FileSummary

Sources = str | Mapping[str, str]
Found = set[tuple[str, str, bool]]


def summaries(sources: Sources, *, api_only: bool = False) -> dict[str, FileSummary]:
    files = {"m.py": sources} if isinstance(sources, str) else dict(sources)
    return {
        f.module: summarize(textwrap.dedent(files[f.path]), f.module, f.path, api_only=api_only)
        for f in discover(files)
    }


def diff_changes(
    old: Sources,
    new: Sources,
    *,
    renames: Mapping[str, str] | None = None,
    used: Callable[[str], bool] = never_used,
) -> list[Change]:
    found = diff_summaries(
        summaries(old), summaries(new), renames=renames, is_used_elsewhere=used
    )
    # ``changes`` compares API-only summaries (indexer/api.py): every diff test checks that
    # they give the very same changes as full ones
    from_api = diff_summaries(
        summaries(old, api_only=True), summaries(new, api_only=True), renames=renames,
        is_used_elsewhere=used,
    )
    assert from_api == found
    return found


def diff_set(
    old: Sources,
    new: Sources,
    *,
    renames: Mapping[str, str] | None = None,
    used: Callable[[str], bool] = never_used,
) -> Found:
    changes = diff_changes(old, new, renames=renames, used=used)
    return {(c.symbol, c.kind.value, c.breaking) for c in changes}

