"""Use case: two revisions of a git repository -> the ChangeSet between them.

Both revisions are indexed completely (the impact engine needs both pictures and gets them
back in the ``ChangeResult``), through ``indexing.summarize_files`` so that its cache serves
us too; a file whose content is the same in both revisions is summarised once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from impactgraph.adapters.git import GitRepo
from impactgraph.config import Config
from impactgraph.diff import UsedElsewhere, diff_summaries
from impactgraph.indexing import summarize_files
from impactgraph.model import ChangeSet, Diagnostic, FileSummary
from impactgraph.snapshot import WORKTREE, Snapshot, revision_snapshot, worktree_snapshot


@dataclass(frozen=True, slots=True)
class ChangeResult:
    changes: ChangeSet
    base: Snapshot
    head: Snapshot
    base_summaries: Mapping[str, FileSummary]  # module -> summary
    head_summaries: Mapping[str, FileSummary]
    files_indexed: int  # summaries computed (a file unchanged between the two counts once)
    seconds: float


def compute_changes(
    repo: GitRepo,
    base: str,
    head: str | None,
    config: Config,
    *,
    is_used_elsewhere: UsedElsewhere | None = None,
) -> ChangeResult:
    """The changes from ``base`` to ``head`` (None: the working tree, untracked files included).

    ``is_used_elsewhere(symbol)`` decides whether removing a private name breaks someone; by
    default a private name counts as used when another module of the base imports it.
    """
    started = time.perf_counter()
    base_snapshot = revision_snapshot(repo, base, config)
    head_snapshot = (
        worktree_snapshot(repo, config) if head is None else revision_snapshot(repo, head, config)
    )
    renames = _renames(repo, base_snapshot, head_snapshot)

    base_summaries, base_warnings = _summaries(base_snapshot)
    reusable = {
        s.path: s for s in base_summaries.values()
        if head_snapshot.content_ids.get(s.path) == base_snapshot.content_ids.get(s.path)
    }
    head_summaries, head_warnings = _summaries(head_snapshot, reusable)
    indexed = len(base_summaries) + len(head_summaries) - sum(
        1 for s in head_summaries.values() if reusable.get(s.path) is s
    )

    used = is_used_elsewhere or imported_elsewhere(base_summaries)
    changes = diff_summaries(
        base_summaries, head_summaries, renames=renames, is_used_elsewhere=used,
        test_patterns=config.test_patterns,
    )
    warnings = _warnings(
        base_snapshot, base_summaries, base_warnings, head_snapshot, head_summaries, head_warnings
    )
    change_set = ChangeSet(base, head_snapshot.revision, tuple(changes), warnings)
    return ChangeResult(
        change_set, base_snapshot, head_snapshot, base_summaries, head_summaries, indexed,
        time.perf_counter() - started,
    )


def _summaries(
    snapshot: Snapshot, reusable: Mapping[str, FileSummary] | None = None
) -> tuple[dict[str, FileSummary], list[Diagnostic]]:
    reusable = reusable or {}
    result: dict[str, FileSummary] = {}
    todo = []
    for source_file in snapshot.files:
        previous = reusable.get(source_file.path)
        if previous is not None and previous.module == source_file.module:
            result[source_file.module] = previous
        else:
            todo.append(source_file)
    summaries, warnings = summarize_files(todo, snapshot.reader([f.path for f in todo]))
    result.update((s.module, s) for s in summaries)
    return result, warnings


def _renames(repo: GitRepo, base: Snapshot, head: Snapshot) -> dict[str, str]:
    """Git's renames, plus (for the working tree) untracked files with a vanished file's content."""
    renames = repo.renames(base.revision, None if head.is_worktree else head.revision)
    gone = {base.content_ids[p]: p for p in base.content_ids
            if p not in head.content_ids and p not in renames}
    for path, content_id in head.content_ids.items():
        if path not in base.content_ids and content_id in gone:
            renames[gone.pop(content_id)] = path
    return renames


def _warnings(
    base: Snapshot,
    base_summaries: Mapping[str, FileSummary],
    base_warnings: list[Diagnostic],
    head: Snapshot,
    head_summaries: Mapping[str, FileSummary],
    head_warnings: list[Diagnostic],
) -> tuple[Diagnostic, ...]:
    """Files that could not be read or parsed, each naming the revision(s) it failed in."""
    failures: dict[tuple[str, str], list[str]] = {}
    for snapshot, summaries, warnings in (
        (base, base_summaries, base_warnings), (head, head_summaries, head_warnings)
    ):
        problems = [(s.path, s.error) for s in summaries.values() if s.error is not None]
        problems += [(w.path, w.message) for w in warnings]
        for path, message in problems:
            revisions = failures.setdefault((path, message), [])
            if snapshot.revision not in revisions:
                revisions.append(snapshot.revision)
    return tuple(
        Diagnostic(path, f"{message} in {' and '.join(revisions)}")
        for (path, message), revisions in sorted(failures.items())
    )


def imported_elsewhere(summaries: Mapping[str, FileSummary]) -> Callable[[str], bool]:
    """``is_used_elsewhere`` from import statements: another module imports the symbol."""
    importers: dict[str, set[str]] = {}
    for summary in summaries.values():
        for binding in summary.imports:
            importers.setdefault(binding.target, set()).add(summary.module)

    def used(symbol: str) -> bool:
        module, _, qualname = symbol.partition(":")
        dotted = f"{module}.{qualname}" if qualname else module
        return any(
            (target == dotted or target.startswith(dotted + ".")) and users - {module}
            for target, users in importers.items()
        )

    return used


__all__ = ["WORKTREE", "ChangeResult", "compute_changes", "imported_elsewhere"]
