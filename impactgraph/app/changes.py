"""Use case: two revisions of a git repository -> the ChangeSet between them.

Files are summarised through the command's ``Session`` (so its cache and worker processes
serve us too), only as far as the comparison needs them; the impact engine gets both
revisions' summaries back in the ``ChangeResult`` and completes them when it iterates them. A
file whose content is the same in both revisions is summarised once.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass

from impactgraph.adapters.git import GitRepo, PathChange, PathStatus
from impactgraph.app.indexing import summarize_files
from impactgraph.app.session import NO_CACHE, Session
from impactgraph.app.snapshot import (
    WORKTREE,
    Snapshot,
    revision_snapshot,
    with_build_written,
    worktree_snapshot,
)
from impactgraph.config import Config
from impactgraph.diff import UsedElsewhere, diff_summaries
from impactgraph.diff.engine import sort_changes
from impactgraph.diff.files import file_changes
from impactgraph.discovery import SourceFile, path_names, through_paths
from impactgraph.local_imports import localized
from impactgraph.model import CallSite, ChangeSet, Diagnostic, FileSummary
from impactgraph.serialize import SerializationError
from impactgraph.serialize_calls import StoredCalls


class RevisionSummaries(Mapping[str, FileSummary]):
    """The summaries of one snapshot (module -> FileSummary), each computed when first needed.

    The diff looks only at changed files and at what they point to, so ``changes`` summarises
    little; a caller that iterates the values (the impact engine) gets every file, summarised in
    one batch. A file that is the same in ``reuse`` (same path, module and content) shares its
    summary. A file that cannot be read gets a summary carrying the error. ``api_only``: the
    API part of each file alone (what the diff compares: ``indexer/api.py``), never linkable.
    """

    def __init__(
        self,
        snapshot: Snapshot,
        reuse: RevisionSummaries | None = None,
        *,
        session: Session = NO_CACHE,
        api_only: bool = False,
    ) -> None:
        self.snapshot = snapshot
        self.api_only = api_only
        self.files = {f.module: f for f in snapshot.files}
        self.reuse = reuse
        self.session = session
        self.computed = 0  # summaries made here (not reused)
        self._done: dict[str, FileSummary] = {}
        self._calls: dict[str, Sequence[CallSite]] = {}  # read alone (``calls_of``)
        self._texts: Mapping[str, bytes] | None = None

    def __getitem__(self, module: str) -> FileSummary:
        if module not in self._done:
            if module not in self.files:
                raise KeyError(module)
            self.summarize([module])
        return self._done[module]

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def __contains__(self, module: object) -> bool:
        return module in self.files

    def values(self) -> ValuesView[FileSummary]:
        self.complete()
        return super().values()

    def items(self) -> ItemsView[str, FileSummary]:
        self.complete()
        return super().items()

    def complete(self) -> None:
        self.summarize(self.files)

    def summarized(self) -> list[FileSummary]:
        """The summaries made or reused so far."""
        return list(self._done.values())

    def same_file(self, module: str, other: RevisionSummaries) -> bool:
        """Is ``module`` the same file, with the same content, in ``other``'s revision?"""
        source_file = self.files.get(module)
        other_file = other.files.get(module)
        return (
            source_file is not None
            and other_file is not None
            and other_file.path == source_file.path
            and other_file.aliases == source_file.aliases  # its imports read the same
            and other.snapshot.content_ids.get(source_file.path)
            == self.snapshot.content_ids.get(source_file.path)
        )

    def summarize(self, modules: Iterable[str]) -> None:
        """Summarise these modules (those not done yet), all in one batch."""
        todo: list[SourceFile] = []
        shared: list[str] = []
        for module in modules:
            if module in self._done or module not in self.files:
                continue
            if self.reuse is not None and self.reuse.same_file(module, self):
                shared.append(module)
            else:
                todo.append(self.files[module])
        if shared and self.reuse is not None:
            self.reuse.summarize(shared)  # in one batch there too
            for module in shared:
                self._done[module] = self.reuse[module]
        if not todo:
            return
        # once every text is fetched (``text``), no more git processes
        read = self.snapshot.reader([f.path for f in todo], self._texts)
        summaries, warnings = summarize_files(
            todo, read, session=self.session, content_ids=self.snapshot.content_ids,
            api_only=self.api_only,
        )
        self.computed += len(todo)
        for summary in summaries:
            self._done[summary.module] = summary
        failed = {w.path: w.message for w in warnings}
        for source_file in todo:
            if source_file.module not in self._done:
                message = failed.get(source_file.path, "cannot read")
                self._done[source_file.module] = FileSummary(
                    source_file.module, source_file.path, source_file.is_package, error=message
                )

    def calls_of(self, modules: Iterable[str]) -> dict[str, Sequence[CallSite]]:
        """The calls of these modules' summaries (those of this snapshot), as ``self[module]``
        has them, in one batch. A cached summary not decoded yet has only its calls read, each
        decoded when first used (``SummaryCache.get_calls_many``): the impact walks judge
        thousands of callers on a call or two of each. What the cache lacks, or holds in a
        shape that does not decode, is summarised whole."""
        found: dict[str, Sequence[CallSite]] = {}
        todo: list[SourceFile] = []
        shared: list[str] = []
        for module in dict.fromkeys(modules):
            if module not in self.files:
                continue
            done = self._done.get(module)
            known = done.calls if done is not None else self._calls.get(module)
            if known is not None:
                found[module] = known
            elif self.reuse is not None and self.reuse.same_file(module, self):
                shared.append(module)
            else:
                todo.append(self.files[module])
        if shared and self.reuse is not None:
            found.update(self.reuse.calls_of(shared))
        keys = {}
        if todo and self.session.cache.enabled:
            from impactgraph.adapters.cache import CacheKey

            ids = self.snapshot.content_ids
            keys = {f.module: CacheKey(ids[f.path], f.module, f.is_package, self.api_only)
                    for f in todo if f.path in ids}
        cached = self.session.cache.get_calls_many(keys.values()) if keys else {}
        missing = []
        for source_file in todo:
            key = keys.get(source_file.module)
            calls = cached.get(key) if key is not None else None
            if calls is not None and source_file.aliases:
                calls = self._localized(source_file, calls)
            if calls is None:
                missing.append(source_file.module)
                continue
            if isinstance(calls, StoredCalls):  # a call that does not decode: the summary
                calls.fallback = functools.partial(self._whole_calls, source_file.module)
            found[source_file.module] = self._calls[source_file.module] = calls
        self.summarize(missing)
        found.update((module, self._done[module].calls) for module in missing)
        return found

    def _whole_calls(self, module: str) -> Sequence[CallSite]:
        self._calls.pop(module, None)
        self.summarize([module])
        return self._done[module].calls

    @staticmethod
    def _localized(source_file: SourceFile, calls: Sequence[CallSite]
                   ) -> tuple[CallSite, ...] | None:
        """The calls as ``summarize_files`` gives them: import paths read through the file's
        ``aliases`` (None: a call that does not decode)."""
        try:
            whole = tuple(calls)
        except SerializationError:
            return None
        return localized(
            FileSummary(source_file.module, source_file.path, source_file.is_package,
                        calls=whole),
            source_file.aliases,
        ).calls

    def text(self, module: str) -> bytes:
        """The raw bytes of a module's file (all files are fetched at the first call)."""
        if self._texts is None:
            self._texts = self.snapshot.load(self.snapshot.content_ids.values())
        source_file = self.files.get(module)
        if source_file is None:
            return b""
        return self._texts.get(self.snapshot.content_ids[source_file.path], b"")


@dataclass(frozen=True, slots=True)
class ChangeResult:
    changes: ChangeSet
    base: Snapshot
    head: Snapshot
    base_summaries: RevisionSummaries  # module -> summary; complete on iteration
    head_summaries: RevisionSummaries
    files_indexed: int  # summaries computed for the diff (an unchanged file counts once)
    seconds: float


def compute_changes(
    repo: GitRepo,
    base: str,
    head: str | None,
    config: Config,
    *,
    is_used_elsewhere: UsedElsewhere | None = None,
    session: Session = NO_CACHE,
    complete: bool | Callable[[Snapshot], bool] = False,
    api_only: bool = False,
) -> ChangeResult:
    """The changes from ``base`` to ``head`` (None: the working tree, untracked files included).

    Only what the comparison needs is summarised: files whose content differs, and the files
    their names lead to. The returned summaries complete themselves when iterated.
    ``is_used_elsewhere(symbol)`` decides whether removing a private name breaks someone; by
    default a private name counts as used when another module of the base imports it.
    ``session`` summarises (its cache: summaries by content id; its worker processes); it
    must stay open while the returned summaries may still complete themselves.
    ``complete``: the caller needs every summary of both revisions anyway (the impact engine
    links them): summarise them all up front, in one batch per revision, rather than one
    module at a time as the comparison asks for them. A predicate decides per revision,
    asked about the base first, then the head (the impact engine links only a revision whose
    linked graph is not stored; otherwise it reads the few summaries its walks need).
    ``api_only``: the caller wants the changes alone (the ``changes`` command): files are
    summarised only as far as the diff reads them (``indexer/api.py``, a quarter of the
    work), and the returned summaries cannot be linked.
    """
    if api_only and complete:
        raise ValueError("API-only summaries cannot be linked: ask for one or the other")
    started = time.perf_counter()
    # from the merge base, as a pull request and ``git diff base...head`` do
    base_snapshot = revision_snapshot(repo, base, config, commit=repo.merge_base(base, head))
    head_snapshot = with_build_written(
        worktree_snapshot(repo, config) if head is None else revision_snapshot(repo, head, config),
        base_snapshot, repo,
    )
    path_changes = repo.changed_paths(
        base_snapshot.commit or base, None if head_snapshot.is_worktree else head_snapshot.commit
    )
    renames = _renames(path_changes, base_snapshot, head_snapshot)
    base_summaries = RevisionSummaries(base_snapshot, session=session, api_only=api_only)
    head_summaries = RevisionSummaries(
        head_snapshot, reuse=base_summaries, session=session, api_only=api_only
    )

    identical = {m for m in base_summaries.files if base_summaries.same_file(m, head_summaries)}
    changed_base = [m for m in base_summaries.files if m not in identical]
    changed_head = [m for m in head_summaries.files if m not in identical]
    # The unchanged modules' texts are the same in both: the working tree's snapshot has read
    # them all already (to hash them); else this fetches every text of the base, which its
    # summaries then read (0.2 s of a git process for 10,000 files, not needed otherwise).
    texts = head_summaries if head_snapshot.is_worktree else base_summaries
    skip = identical - _may_reexport(identical, changed_base + changed_head, texts)
    for summaries in (base_summaries, head_summaries):
        if complete is True or (callable(complete) and complete(summaries.snapshot)):
            summaries.complete()
    base_summaries.summarize(changed_base)
    head_summaries.summarize(changed_head)

    used = is_used_elsewhere or imported_elsewhere(base_summaries)
    changes = diff_summaries(
        base_summaries, head_summaries, renames=renames, is_used_elsewhere=used,
        test_patterns=config.test_patterns, skip=skip,
    )
    changes = sort_changes([*changes, *file_changes(
        _other_files(repo, path_changes, base_snapshot, head_snapshot),
        {f.path for f in base_snapshot.files} | {f.path for f in head_snapshot.files},
        patterns=config.test_patterns, exclude=config.exclude,
    )])
    warnings = _warnings(base_snapshot, base_summaries, head_snapshot, head_summaries)
    change_set = ChangeSet(
        base, head_snapshot.revision, tuple(changes), warnings,
        base_commit=base_snapshot.commit, head_commit=head_snapshot.commit,
    )
    return ChangeResult(
        change_set, base_snapshot, head_snapshot, base_summaries, head_summaries,
        base_summaries.computed + head_summaries.computed, time.perf_counter() - started,
    )


def _may_reexport(
    identical: set[str], changed: list[str], summaries: RevisionSummaries
) -> set[str]:
    """Unchanged modules whose public surface may still change: they re-export (a package, a
    star import or ``__all__``) and their text mentions a changed module."""
    leaves = {m.rsplit(".", 1)[-1].encode("utf-8", "surrogateescape") for m in changed}
    if not leaves:
        return set()
    found = set()
    for module in identical:
        text = summaries.text(module)
        reexports = summaries.files[module].is_package or b"__all__" in text or b"import *" in text
        if reexports and any(leaf in text for leaf in leaves):
            found.add(module)
    return found


def _renames(path_changes: Iterable[PathChange], base: Snapshot, head: Snapshot) -> dict[str, str]:
    """Git's renames, plus (for the working tree) untracked files with a vanished file's content."""
    renames = {
        c.old_path: c.new_path for c in path_changes
        if c.status is PathStatus.RENAMED and c.old_path and c.new_path
    }
    gone = {base.content_ids[p]: p for p in base.content_ids
            if p not in head.content_ids and p not in renames}
    for path, content_id in head.content_ids.items():
        if path not in base.content_ids and content_id in gone:
            renames[gone.pop(content_id)] = path
    return renames


def _other_files(
    repo: GitRepo, path_changes: Iterable[PathChange], base: Snapshot, head: Snapshot
) -> dict[str, str]:
    """Changed files that are not Python sources: path -> what happened to it.

    A renamed file counts on both sides (readers of the old path lose it). In the working tree,
    untracked files are new too (git does not diff them).
    """
    found: dict[str, str] = {}
    for change in path_changes:
        for path in (change.old_path, change.new_path):
            if path is not None and not path.endswith(".py"):
                found[path] = change.status.value
    if head.is_worktree and base.commit is not None:
        tracked = repo.tree_files(base.commit, suffix="")
        for path in repo.worktree_paths(suffix=""):
            if path not in tracked and not path.endswith(".py"):
                found.setdefault(path, "added")
    return found


def _warnings(
    base: Snapshot,
    base_summaries: RevisionSummaries,
    head: Snapshot,
    head_summaries: RevisionSummaries,
) -> tuple[Diagnostic, ...]:
    """Files that could not be read or parsed, each naming the revision(s) it failed in."""
    return revision_warnings([
        (base.revision, failures_of(base_summaries.summarized())),
        (head.revision, failures_of(head_summaries.summarized())),
    ])


def failures_of(summaries: Iterable[FileSummary]) -> list[tuple[str, str]]:
    """(path, message) of each summary of a file that could not be read or parsed."""
    return [(s.path, s.error) for s in summaries if s.error is not None]


def revision_warnings(
    revisions: Iterable[tuple[str, Iterable[tuple[str, str]]]],
) -> tuple[Diagnostic, ...]:
    """One warning per failure (path, message), naming the revisions it happened in."""
    failures: dict[tuple[str, str], list[str]] = {}
    for revision, failed in revisions:
        for failure in failed:
            named = failures.setdefault(failure, [])
            if revision not in named:
                named.append(revision)
    return tuple(
        Diagnostic(path, f"{message} in {' and '.join(revisions)}")
        for (path, message), revisions in sorted(failures.items())
    )


def imported_elsewhere(summaries: RevisionSummaries) -> Callable[[str], bool]:
    """``is_used_elsewhere`` from import statements: another module imports the symbol.

    Only modules whose text contains the name are summarised to check.
    """

    table: dict[str, str] | None = None

    def used(symbol: str) -> bool:
        nonlocal table
        module, _, qualname = symbol.partition(":")
        dotted = f"{module}.{qualname}" if qualname else module
        needle = dotted.rsplit(".", 1)[-1].encode("utf-8", "surrogateescape")
        for other in summaries.files:
            if other == module or needle not in summaries.text(other):
                continue
            if table is None:  # ``from lib.m import _helper``, lib/m.py the module ``m``
                table = path_names((m, f.path) for m, f in summaries.files.items())
            for binding in summaries[other].imports:
                target = through_paths(binding.target, summaries.files, table)
                if target == dotted or target.startswith(dotted + "."):
                    return True
        return False

    return used


__all__ = [
    "WORKTREE", "ChangeResult", "RevisionSummaries", "compute_changes", "imported_elsewhere",
]
