"""ChangeSet + base and head graphs -> ImpactReport (pure)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from impactgraph.config import Config
from impactgraph.discovery import is_test_path
from impactgraph.impact.interfaces import Interfaces
from impactgraph.impact.packages import module_packages
from impactgraph.impact.rank import rank_affected, score
from impactgraph.impact.select_tests import Reach, select_tests
from impactgraph.impact.traverse import ImpactAnalysis, ModuleHit, Walk, collect_hits
from impactgraph.linker import CodeGraph
from impactgraph.model import (
    AffectedModule,
    Change,
    ChangeKind,
    ChangeSet,
    ImpactReport,
    Stats,
    symbol_module,
    top_package,
)


def analyse(
    changeset: ChangeSet,
    base: CodeGraph,
    head: CodeGraph,
    config: Config,
    *,
    max_depth: int | None = None,
    changed_paths: Sequence[str] = (),
    head_files: Sequence[str] = (),
    stats: Stats | None = None,
    doctest_texts: Sequence[str] = (),
    changed_texts: Sequence[str] = (),
    hooked_texts: Iterable[str] = (),
    unanalysed: Mapping[str, str] | None = None,
) -> ImpactReport:
    """``doctest_texts``: the head's text files pytest collects as doctests, or makes test
    items of through a conftest's hook (``hooked_texts``), ``changed_texts``: those of them
    that differ from the base's; ``unanalysed``: the text of each unchanged file of the head
    that could not be analysed (``select_tests``)."""
    depth_limit = max_depth if max_depth is not None else config.max_depth
    analysis, walks = _walk_changes(changeset, base, head, config, depth_limit)
    packages = _packages(base, head, config)
    ranked = rank_affected(_affected(collect_hits(walks, head), packages, config))
    # A depth limit cuts the report short, never the test selection (safe first: a test at
    # any depth can fail for the change): that is chosen from the whole walk.
    reach = ranked
    if depth_limit is not None:
        analysis, walks = _walk_changes(changeset, base, head, config, None)
        reach = rank_affected(_affected(collect_hits(walks, head), packages, config))
    # Code reached only where it runs as before (a renamed parameter given by position, ...)
    # is affected, but no test of it can fail for the change: tests select on the rest.
    live = {state[0] for walk in walks for state in walk.depth if state not in walk.held}
    # the classes of ``self`` each live symbol is reached for (``impact.receivers``)
    constraints: dict[str, set[str | None]] = defaultdict(set)
    for walk in walks:
        for state in walk.depth:
            if state not in walk.held:
                constraints[state[0]].add(state[2])
    held = {state[0] for walk in walks for state in walk.held} - live
    selection = select_tests(
        reach,
        changed_paths,
        head_files,
        config.test_patterns,
        changeset.changes,
        [base, head],
        reached=live,
        unchanged={symbol_module(n) for n in held} - {symbol_module(n) for n in live},
        collection=config.collection,
        constraints=constraints,
        startup=config.startup_modules,
        walk=lambda symbol: _walk_from(analysis, head, symbol, packages, config),
        doctest_texts=doctest_texts,
        changed_texts=frozenset(changed_texts),
        hooked_texts=frozenset(hooked_texts),
        unanalysed=unanalysed,
    )
    edges: dict[tuple[str, str, str], None] = {}
    for module in ranked:
        for source, target in zip(module.via, module.via[1:], strict=False):
            edges[(source, target, "affects")] = None
    gateways = sorted({g for m in ranked for g in m.gateways})
    return ImpactReport(
        base=changeset.base,
        head=changeset.head,
        changes=changeset.changes,
        affected=tuple(ranked),
        tests=selection.paths,
        warnings=changeset.warnings,
        stats=stats or Stats(),
        edges=tuple(edges),
        gateways_crossed=tuple(gateways),
        base_commit=changeset.base_commit,
        head_commit=changeset.head_commit,
        test_reasons=selection.tests,
        all_tests=selection.all,
        all_tests_reason=selection.all_reason,
    )


def _walk_changes(changeset: ChangeSet, base: CodeGraph, head: CodeGraph, config: Config,
                  depth_limit: int | None) -> tuple[ImpactAnalysis, list[Walk]]:
    """Every change's walks (callers, importers, implementations), up to ``depth_limit``."""
    analysis = ImpactAnalysis(base, head, config.gateways, depth_limit, changeset.changes,
                              config.asyncio_auto, config.test_patterns,
                              config.anyio_auto)
    walks: list[Walk] = []
    interfaces = Interfaces(base, head, config.gateways, depth_limit,
                            never_runs_on_owner=analysis.never_runs_on_owner)
    for change in changeset.changes:
        importers = analysis.head_importers(change)  # head code importing what is gone
        if importers is not None:
            analysis.import_breaks(importers)
            walks.append(importers)
        if change.kind is ChangeKind.EXPORT_REMOVED:
            walk = analysis.export_importers(change)
            if walk is not None:
                analysis.import_breaks(walk)
                walks.append(walk)
            continue
        for walk in analysis.walks(change):
            analysis.import_breaks(walk)
            walks.append(walk)
        walks += interfaces.walks(change)  # implementations an interface change breaks
    return analysis, walks


def _affected(hits: Mapping[str, ModuleHit], packages: Mapping[str, str], config: Config
              ) -> list[AffectedModule]:
    return [
        AffectedModule(
            module=hit.module,
            path=hit.path,
            package=packages.get(hit.module, top_package(hit.module)),
            depth=hit.depth,
            breaking=hit.breaking,
            crosses_gateway=hit.crosses_gateway,
            crosses_package=_crosses_package(hit.module, hit.via, packages),
            is_test=is_test_path(hit.path, config.test_patterns),
            score=score(
                breaking=hit.breaking, crosses_gateway=hit.crosses_gateway, depth=hit.depth
            ),
            via=hit.via,
            gateways=tuple(sorted(hit.gateways)),
        )
        for hit in hits.values()
    ]


def _walk_from(analysis: ImpactAnalysis, head: CodeGraph, symbol: str,
               packages: Mapping[str, str], config: Config) -> Reach:
    """What ``symbol`` of the head reaches there, walked as a change of its body would be (a
    call in it starts a program that may run the change: ``select_tests``)."""
    module = head.module_of(symbol)
    change = Change(symbol, ChangeKind.BODY_CHANGED, False, head.path_of(module),
                    head.node(symbol).get("line", 0))
    walk = analysis.walk(head, change, [symbol])
    constraints: dict[str, set[str | None]] = defaultdict(set)
    for state in walk.depth:
        if state not in walk.held:
            constraints[state[0]].add(state[2])
    affected = _affected(collect_hits([walk], head), packages, config)
    return Reach(tuple(affected), frozenset(constraints), constraints)


def _packages(base: CodeGraph, head: CodeGraph, config: Config) -> dict[str, str]:
    """The package of every module of either revision (a test module: its folder's package)."""
    # from the module nodes, not the summaries: a graph loaded from its snapshot reads those lazily
    paths = {module: base.path_of(module) for module in base.nodes("module")}
    paths.update((module, head.path_of(module)) for module in head.nodes("module"))
    return module_packages(paths, config.test_patterns)


def _crosses_package(module: str, via: Sequence[str], packages: Mapping[str, str]) -> bool:
    """The module's package differs from that of the change its chosen chain starts from."""
    if not via:
        return False
    origin = symbol_module(via[0])
    return packages.get(module, top_package(module)) != packages.get(origin, top_package(origin))
