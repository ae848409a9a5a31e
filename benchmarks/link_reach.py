"""How far does one module's change reach inside the linker, and is the link a function of
the facts alone? The two questions exact incremental linking (issue 12) turns on.

Links Django 5.2.8's ``django/`` summaries (``link_order.py`` makes and caches them) with
the real ``link()``, but keeps the resolver's dependency records (memo entry -> the entries
whose evaluation read it) through the whole link, not only through argument flow, and prints:

1. **Argument-flow rounds**: per round, the variables that gained arguments and whether the
   attribute stores added bindings; whether the flow reached its fixpoint before
   ``MAX_FLOW_ROUNDS`` (if it did not, the graph is "what 4 rounds found", which no
   incremental maintenance of a fixpoint reproduces).
2. **Reach**, per module given: the memo and lookup entries that read (transitively) an entry
   rooted in that module (its variables, symbols, classes), and the call sites and references
   whose expressions are among them. A LOWER bound of what a fact-level incremental link must
   recompute: reads of definitions, of the class hierarchy, of absent names and of code-base
   wide sets (property names, stored names...) are not in these records.
3. **Schedule** (``--schedule``): argument flow with another schedule of the same equations,
   the memo forgotten after every call site that bound something instead of once per round,
   rounds uncapped (up to 20): the edges only in one of the two graphs. An incremental link
   re-runs the fixpoint over what a change dropped, i.e. in yet another schedule: if two
   schedules of the same facts give different graphs, it cannot be shown identical to the
   full link.

Usage::

    python benchmarks/link_reach.py [--summaries FILE.pkl] [--modules a.b,c.d] [--schedule]
"""

from __future__ import annotations

import argparse
import importlib
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from link_order import django_summaries, edges

from impactgraph.expressions import ModuleRoot, SymbolRoot, Variable
from impactgraph.linker import CodeGraph
from impactgraph.linker.resolve import PATCHED, STORED, Resolver
from impactgraph.model import Expr, FileSummary

# ``impactgraph.linker.link`` the module (the package exports the function of that name)
LINK = importlib.import_module("impactgraph.linker.link")
DEFAULT_MODULES = (
    "django.utils.text", "django.utils.html", "django.http.request",
    "django.db.models.query", "django.contrib.admin.options", "django.templatetags.static",
)
LOOKUPS = ("\0class", "\0instance", "\0dispatch")


class _Records(defaultdict[Expr, set[Expr]]):
    """The resolver's dependency records, kept when the link is done with them (and only
    then: records kept past the resolver's own resets would make argument flow forget
    entries ``link()`` keeps, and link another graph)."""

    keep = False

    def clear(self) -> None:
        if not self.keep:
            super().clear()


class RecordingResolver(Resolver):
    """A resolver that records what read what through the whole link (``link()`` stops
    recording once argument flow is over: nothing needs forgetting after it)."""

    last: RecordingResolver | None = None

    def __init__(self, summaries: Iterable[FileSummary]) -> None:
        super().__init__(summaries)
        RecordingResolver.last = self

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "tracking" and value is False:
            self.dependents.keep = True  # type: ignore[attr-defined]
            return
        if name == "dependents" and not isinstance(value, _Records):
            value = _Records(set, value)  # from the start: building the resolver evaluates
        super().__setattr__(name, value)


class FlowLog:
    """Per argument-flow round: the variables that gained arguments, and the stores."""

    def __init__(self) -> None:
        self.rounds: list[int] = []
        self.stores: list[bool] = []


def _instrumented(log: FlowLog, per_site: bool, cap: int) -> Any:
    def flow(resolver: Resolver, summaries: list[FileSummary]) -> None:
        sites = [site for s in summaries if not s.error for site in s.calls
                 if site.args or site.kwargs]
        done: set[tuple[int, str, bool]] = set()
        for _ in range(cap):
            changed: set[str] = set()
            for number, site in enumerate(sites):
                gained: set[str] = set()
                for value in LINK._callee_values(resolver, site):
                    for target, bound in LINK._targets(resolver, value):
                        if (number, target, bound) not in done:
                            done.add((number, target, bound))
                            gained |= LINK._bind_arguments(resolver, site, target, bound)
                if per_site and gained:
                    resolver.invalidate(gained)
                changed |= gained
            if not per_site:
                resolver.invalidate(changed)
            stored = resolver.apply_attribute_stores()
            log.rounds.append(len(changed))
            log.stores.append(stored)
            if not changed and not stored:
                break
    return flow


def timed_link(summaries: list[FileSummary], per_site: bool, cap: int
               ) -> tuple[CodeGraph, FlowLog, float]:
    """``link()`` as it is, with its argument flow replaced by an instrumented copy (the
    round schedule of ``_flow_arguments``, or the per-site one) and recording kept on."""
    log = FlowLog()
    saved = LINK._flow_arguments, LINK.Resolver
    LINK._flow_arguments, LINK.Resolver = _instrumented(log, per_site, cap), RecordingResolver
    try:
        start = time.process_time()
        graph = LINK.link(summaries)
        return graph, log, time.process_time() - start
    finally:
        LINK._flow_arguments, LINK.Resolver = saved


def key_module(resolver: Resolver, key: Expr) -> str | None:
    """The module whose facts an entry reads first: a variable's, a symbol's, a module's
    own; a class's for a member lookup."""
    if key and key[0] in LOOKUPS:
        return key[1].split(":", 1)[0]
    if len(key) != 1 or key[0].startswith((STORED, PATCHED)):  # stores of a name: no module's
        return None
    match resolver.root(key[0]):
        case Variable(variable):
            return variable[2:].split("|", 1)[0].split(":", 1)[0]
        case SymbolRoot(symbol):
            return symbol.split(":", 1)[0]
        case ModuleRoot(dotted):
            return dotted
    return None


def own_entries(resolver: Resolver) -> dict[str, list[Expr]]:
    """Module -> the entries rooted in it (see ``key_module``)."""
    found: dict[str, list[Expr]] = defaultdict(list)
    for key in set(resolver.dependents) | set(resolver.memo) | set(resolver.lookups):
        module = key_module(resolver, key)
        if module is not None:
            found[module].append(key)
    return found


def reached(resolver: Resolver, seeds: Iterable[Expr]) -> set[Expr]:
    """``seeds`` and every entry whose evaluation read one of them, transitively."""
    found = set(seeds)
    todo = list(found)
    while todo:
        for reader in resolver.dependents.get(todo.pop(), ()):
            if reader not in found:
                found.add(reader)
                todo.append(reader)
    return found


def hit(items: list[tuple[str, tuple[Expr, ...]]], module: str, found: set[Expr]) -> list[str]:
    """The modules of the (module, expressions) items ``module``'s change reaches."""
    return [m for m, exprs in items if m == module or any(e in found for e in exprs)]


def reach(resolver: Resolver, summaries: list[FileSummary], modules: list[str]) -> None:
    seeds = own_entries(resolver)
    entries = len(resolver.memo) + len(resolver.lookups)
    records = sum(len(readers) for readers in resolver.dependents.values())
    print(f"\nreach (lower bound): {entries:,} memo and lookup entries, {records:,} "
          "read-by records")
    sites = [(s.module, site.callee) for s in summaries for site in s.calls]
    references = [(s.module, r.target) for s in summaries for r in s.references]
    reads: dict[Expr, list[Expr]] = defaultdict(list)  # entry -> the entries it read
    for read, readers in resolver.dependents.items():
        for reader in readers:
            reads[reader].append(read)
    for module in modules:
        found = reached(resolver, seeds[module])
        calls = hit(sites, module, found)
        refs = hit(references, module, found)
        # what re-evaluating the reached sites reads, if the memo is not kept: their
        # expressions and everything those read, transitively
        needed: set[Expr] = set()
        todo = [e for m, exprs in [*sites, *references]
                if m == module or any(e in found for e in exprs) for e in exprs]
        while todo:
            entry = todo.pop()
            if entry not in needed:
                needed.add(entry)
                todo.extend(reads.get(entry, ()))
        print(f"  {module}: {len(seeds[module]):,} own entries -> {len(found):,} entries "
              f"({100 * len(found) / entries:.1f} %); call sites {len(calls):,} of "
              f"{len(sites):,} ({100 * len(calls) / len(sites):.1f} %) in {len(set(calls))} "
              f"modules; references {len(refs):,} of {len(references):,} "
              f"({100 * len(refs) / len(references):.1f} %); re-evaluating them without "
              f"the memo reads {len(needed):,} entries ({100 * len(needed) / entries:.1f} %)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--summaries", help="a pickled list of FileSummary (default: Django's)")
    parser.add_argument("--modules", default=",".join(DEFAULT_MODULES))
    parser.add_argument("--schedule", action="store_true",
                        help="also link with the per-site flow schedule (slow: ~3.5x)")
    args = parser.parse_args()
    if args.summaries:
        import pickle

        with open(args.summaries, "rb") as handle:
            summaries: list[FileSummary] = pickle.load(handle)  # noqa: S301 - ours
    else:
        summaries = django_summaries()
    summaries = [s for s in summaries if not s.error]
    sys.setrecursionlimit(max(sys.getrecursionlimit(), LINK.RECURSION_LIMIT))
    graph, log, seconds = timed_link(summaries, per_site=False, cap=LINK.MAX_FLOW_ROUNDS)
    resolver = RecordingResolver.last
    if resolver is None:
        raise SystemExit("link() did not build its resolver through RecordingResolver")
    converged = not log.rounds[-1] and not log.stores[-1]
    print(f"{len(summaries)} modules; link CPU {seconds:.1f} s (recording on); "
          f"{graph.graph.number_of_edges():,} edges, {graph.unresolved_calls:,} unresolved calls")
    print(f"argument flow, round schedule, cap {LINK.MAX_FLOW_ROUNDS}: variables gaining "
          f"arguments per round {log.rounds}, stores added {log.stores}; "
          f"{'fixpoint reached' if converged else 'CAPPED: no fixpoint'}")
    reach(resolver, summaries, [m for m in args.modules.split(",") if m])
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    if not args.schedule:
        return
    base = edges(graph)
    RecordingResolver.last = None
    other, log, seconds = timed_link(summaries, per_site=True, cap=20)
    converged = not log.rounds[-1] and not log.stores[-1]
    found = edges(other)
    print(f"\nper-site schedule: link CPU {seconds:.1f} s; rounds {log.rounds}, stores "
          f"{log.stores}; {'fixpoint reached' if converged else 'CAPPED'}; "
          f"{len(found):,} edges, {other.unresolved_calls:,} unresolved calls; only in the "
          f"round schedule's graph {len(base - found):,}, only in this one's "
          f"{len(found - base):,}")
    for edge in sorted(base ^ found)[:10]:
        print("   ", "round-only" if edge in base else "site-only ", edge)


if __name__ == "__main__":
    main()
