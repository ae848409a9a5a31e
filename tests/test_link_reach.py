"""benchmarks/link_reach.py measures the real link: its instrumented argument flow (round
schedule) and its recording resolver give exactly ``link()``'s graph, and what it counts as a
module's reach holds every call site that resolved into that module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import load_benchmark, summaries_of

from impactgraph.linker import compiled, link
from impactgraph.linker.snapshot import graph_to_dict
from impactgraph.linker.values import Bound, Sym

FIXTURES = Path(__file__).parents[1] / "fixtures"
# the benchmark instruments the linker's functions: it needs their Python source
pytestmark = pytest.mark.skipif(compiled(), reason="the linker is compiled (setup.py)")


lr = load_benchmark("link_reach")


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.py"))}


def _text(graph) -> str:
    return json.dumps(graph_to_dict(graph), sort_keys=True)


@pytest.mark.parametrize("fixture", ["shop", "flat"])
def test_the_instrumented_link_is_the_link(fixture):
    summaries = summaries_of(_tree(FIXTURES / fixture))
    graph, log, _ = lr.timed_link(summaries, per_site=False, cap=lr.LINK.MAX_FLOW_ROUNDS)
    assert _text(graph) == _text(link(summaries))
    assert log.rounds  # the instrumented flow ran, round by round
    resolver = lr.RecordingResolver.last
    assert resolver is not None and resolver.dependents  # records kept past the flow


def test_reach_holds_every_site_that_resolved_into_the_module():
    summaries = summaries_of(_tree(FIXTURES / "shop"))
    lr.timed_link(summaries, per_site=False, cap=lr.LINK.MAX_FLOW_ROUNDS)
    resolver = lr.RecordingResolver.last
    seeds = lr.own_entries(resolver)
    checked = 0
    for module in sorted({s.module for s in summaries}):
        found = lr.reached(resolver, seeds[module])
        for summary in summaries:
            for site in summary.calls:
                values = lr.LINK._callee_values(resolver, site)
                into = [v for v in values if isinstance(v, (Sym, Bound))
                        and v.symbol.split(":", 1)[0] == module]
                if into and summary.module != module:
                    checked += 1
                    assert lr.hit([(summary.module, site.callee)], module, found), (
                        module, summary.module, site)
    assert checked > 10
