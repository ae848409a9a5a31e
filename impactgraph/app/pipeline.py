"""Use case: a git repository and two revisions -> the ImpactReport.

The edges live here: git (through GitRepo), the configuration file, the clock. Everything
below (diff, link, traversal, ranking) is pure.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Set
from dataclasses import replace
from pathlib import Path

from impactgraph.adapters.codeowners import read_codeowners
from impactgraph.adapters.fs import read_bounded
from impactgraph.adapters.gc_pause import collector_paused
from impactgraph.adapters.git import GitRepo, blob_id
from impactgraph.adapters.graph_store import GraphStore, tree_key
from impactgraph.app.changes import (
    RevisionSummaries,
    compute_changes,
    failures_of,
    revision_warnings,
)
from impactgraph.app.indexing import link_kept
from impactgraph.app.session import NO_CACHE, Session
from impactgraph.app.snapshot import Snapshot
from impactgraph.config import Config, load_config
from impactgraph.errors import InputError, UsageError
from impactgraph.impact.analyse import analyse
from impactgraph.linker import CodeGraph
from impactgraph.model import FileSummary, ImpactReport, Stats
from impactgraph.owners import with_owners
from impactgraph.pytest_collection import has_doctest_examples


def build_report(
    repo: Path,
    base: str,
    head: str | None,
    max_depth: int | None = None,
    *,
    config: Config | None = None,
    session: Session = NO_CACHE,
) -> ImpactReport:
    """Changes between ``base`` and ``head`` (None: the working tree) and what they reach.

    ``session`` (kept open until this returns) summarises: its cache serves the summaries of
    files seen before and keeps the linked graphs, its worker processes summarise the others.
    """
    started = time.perf_counter()
    if max_depth is not None and max_depth < 1:
        raise UsageError(f"--max-depth must be at least 1, got {max_depth}")
    git = GitRepo(Path(repo))
    if config is None:
        config = load_config(git.root)
    store = session.graph_store(git.root)

    stored: list[bool] = []  # per revision asked about: the base, then the head

    def must_link(snapshot: Snapshot) -> bool:
        # A revision linked before is loaded, and only the summaries its walks read are
        # decoded; so is a head whose base is stored (``_reused`` may make its graph from the
        # base's, reading only the files that differ). One to link needs every summary, best
        # summarised in one batch (``link`` would otherwise complete them itself).
        tree = _tree(snapshot)
        stored.append(store is not None and tree is not None and store.has(tree_key(tree)))
        return not any(stored)

    result = compute_changes(git, base, head, config, session=session, complete=must_link)
    base_graph = _graph(result.base, result.base_summaries, store, jobs=session.jobs)
    head_graph = _graph(result.head, result.head_summaries, store, jobs=session.jobs,
                        base=(result.base, result.base_summaries))
    head_failures = _failures(result.head_summaries, head_graph)
    result = replace(result, changes=replace(result.changes, warnings=revision_warnings([
        (result.base.revision, _failures(result.base_summaries, base_graph)),
        (result.head.revision, head_failures),
    ])))
    base_ids, head_ids = result.base.content_ids, result.head.content_ids
    changed_paths = sorted(
        path for path in set(base_ids) | set(head_ids) if base_ids.get(path) != head_ids.get(path)
    )
    unanalysed = _unanalysed_texts(result.head, head_failures, set(changed_paths))
    texts, changed_texts, hooked = _doctest_texts(git, config, result.base, result.head)
    # The walks make pure data (states, chains, maps: the 10,000-module benchmark's whole
    # query leaves 491 objects to the cyclic collector), which the collector would otherwise
    # scan again and again: 10 full collections, 0.2 s. Summarising a file the walks read
    # runs it again (``summarize_files``): astroid's trees are cycles.
    with collector_paused(freeze=False):
        report = analyse(
            result.changes,
            base_graph,
            head_graph,
            config,
            max_depth=max_depth,
            changed_paths=changed_paths,
            head_files=[f.path for f in result.head.files],
            doctest_texts=texts,
            changed_texts=changed_texts,
            hooked_texts=hooked,
            unanalysed=unanalysed,
        )
    report = with_owners(report, read_codeowners(git, head))
    # every file of either revision, a file unchanged between them counted once
    files = {(p, base_ids.get(p)) for p in base_ids} | {(p, head_ids.get(p)) for p in head_ids}
    stats = Stats(
        files_indexed=len(files),
        unresolved_calls=head_graph.unresolved_calls,
        seconds=round(time.perf_counter() - started, 3),
    )
    return _with_stats(report, stats)


def _unanalysed_texts(head: Snapshot, failures: Iterable[tuple[str, str]],
                      changed: Set[str]) -> dict[str, str]:
    """The text of each unchanged file of the head that could not be analysed (path -> text,
    decoded as far as it goes): its calls are unknown in both revisions, so what it spells
    is all the test selection can go by (``select_tests._unanalysed``). A changed one fails
    open on its own (``_unparsable``)."""
    ids = head.content_ids
    paths = sorted({path for path, _ in failures if path in ids and path not in changed})
    if not paths:
        return {}
    blobs = head.load([ids[path] for path in paths])
    return {path: blobs.get(ids[path], b"").decode("utf-8", "replace") for path in paths}


def _doctest_texts(git: GitRepo, config: Config, base: Snapshot,
                   head: Snapshot) -> tuple[list[str], list[str], set[str]]:
    """The head's text files pytest collects as doctests (``--doctest-glob``; a snapshot lists
    Python and project files only) and runs examples of, or whose test items a conftest's
    ``pytest_collect_file`` hook makes; those of them whose content differs from the base's (a
    base that is the working tree: all of them); and which of them the hooks make."""
    listed = None if head.commit is None else git.tree_files(head.commit, "")
    paths = git.worktree_paths("") if listed is None else list(listed)
    # files a conftest's pytest_collect_file hook makes into test items run like doctests
    hooked = set(config.collection.hook_files(paths))
    candidates = [*config.collection.doctest_text_files(paths), *sorted(hooked)]
    candidates = list(dict.fromkeys(candidates))
    if not candidates:
        return [], [], set()
    now: dict[str, str] = {}
    contents: dict[str, bytes] = {}
    if listed is None:
        for path in candidates:
            try:
                data = read_bounded(git.root / path)
            except InputError:  # too large to read here: pytest reads it all the same
                data = b">>> "
            except OSError:  # gone since it was listed
                data = b""
            now[path], contents[path] = blob_id(data), data
    else:
        now = {path: listed[path] for path in candidates}
        blobs = git.read_blobs(now.values())
        contents = {path: blobs.get(now[path], b"") for path in candidates}
    texts = [p for p in candidates if p in hooked or has_doctest_examples(contents[p])]
    before = {} if base.commit is None else git.tree_files(base.commit, "")
    return texts, [p for p in texts if before.get(p) != now[p]], hooked


def _graph(
    snapshot: Snapshot,
    summaries: Mapping[str, FileSummary],
    store: GraphStore | None,
    base: tuple[Snapshot, Mapping[str, FileSummary]] | None = None,
    jobs: int | None = None,
) -> CodeGraph:
    """The linked graph of one revision: loaded when this very tree was linked before, else
    the stored graph of ``base`` (a revision linked before) when the files that differ
    provide the linker the same facts (``linker.reuse``), else linked."""
    tree = _tree(snapshot)
    key = tree_key(tree) if store is not None and tree is not None else None
    if store is not None and key is not None:
        graph = store.load(key, tree)
        if graph is None and base is not None:
            graph = _reused(snapshot, summaries, store, *base)
            if graph is not None:
                store.save(key, graph, tree)
        if graph is not None:
            graph.summaries = summaries  # type: ignore[assignment]  # read lazily, as needed
            return graph
    graph = link_kept(summaries.values(), jobs=jobs, store=store)
    if store is not None and key is not None:
        store.save(key, graph, tree)
    return graph


def _failures(summaries: RevisionSummaries, graph: CodeGraph) -> list[tuple[str, str]]:
    """The files of a revision that could not be read or parsed: those summarised in this
    run, and those a stored graph recorded (a warm run summarises only the files it reads)."""
    done = summaries.summarized()
    seen = {summary.path for summary in done}
    recorded = [(w.path, w.message) for w in graph.warnings if w.path not in seen]
    return [*failures_of(done), *recorded]


def _tree(snapshot: Snapshot) -> list[tuple[str, str, bool, str]] | None:
    if not all(f.path in snapshot.content_ids for f in snapshot.files):
        return None
    return [(f.path, f.module, f.is_package, snapshot.content_ids[f.path]) for f in snapshot.files]


def _reused(
    snapshot: Snapshot,
    summaries: Mapping[str, FileSummary],
    store: GraphStore,
    base: Snapshot,
    base_summaries: Mapping[str, FileSummary],
) -> CodeGraph | None:
    """The base revision's stored graph made this revision's (``linker.reuse``), or None."""
    from impactgraph.linker.reuse import MAX_CHANGED_FILES, line_map, relocated

    tree, base_tree = _tree(snapshot), _tree(base)
    if tree is None or base_tree is None:
        return None
    if sorted(t[:3] for t in tree) != sorted(t[:3] for t in base_tree):
        return None  # files added, removed or renamed: their facts are new
    base_ids = {path: cid for path, _, _, cid in base_tree}
    changed = [(path, module) for path, module, _, cid in tree if base_ids[path] != cid]
    if len(changed) > MAX_CHANGED_FILES:
        return None
    pairs = {module: (base_summaries[module], summaries[module]) for _, module in changed}
    if any(line_map(before, after) is None for before, after in pairs.values()):
        return None
    graph = store.load(tree_key(base_tree))  # a copy of its own: the base graph is used too
    return relocated(graph, pairs) if graph is not None else None


def _with_stats(report: ImpactReport, stats: Stats) -> ImpactReport:
    return replace(report, stats=stats)

