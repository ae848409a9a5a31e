"""Is the linker's graph a function of the summaries, or of the order they are linked in?

Summarises Django 5.2.8's ``django/`` package (the pinned sdist of ``index_speed.py``, fetched
once into ``benchmarks/.cache/``; the summaries are kept there too, keyed by the indexer's
source) and links the same summaries in several orders: as discovered (forward), reversed,
and shuffled with fixed seeds. Prints, per order, the edges, the unresolved calls and the
CPU seconds of ``link()``, and for each order against forward the edges only in one of the
two (with their attributes: line, marks, sites) and the unresolved call sites that differ.
Incremental linking needs these differences to be zero (a module's edges may depend only on
facts, not on which modules were linked before it).

Usage::

    python benchmarks/link_order.py [--prefix django.db,django.utils] [--seeds 1,2]
                                    [--summaries FILE.pkl] [--json FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import sys
import time
from pathlib import Path

from index_speed import CACHE, DJANGO_VERSION, REPO_ROOT, extract, fetch_sdist

sys.path.insert(0, str(REPO_ROOT))

from impactgraph.discovery import discover
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph, link
from impactgraph.model import FileSummary

Edge = tuple[str, str, str]


def _indexer_digest() -> str:
    """Summaries are reused while the indexer's source (and the model) stay the same."""
    digest = hashlib.sha256()
    package = REPO_ROOT / "impactgraph"
    for path in sorted([*package.glob("indexer/*.py"), package / "model.py",
                        package / "expressions.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def django_summaries() -> list[FileSummary]:
    source = extract(fetch_sdist())
    cached = CACHE / f"django-{DJANGO_VERSION}-summaries-{_indexer_digest()}.pkl"
    if cached.exists():
        with cached.open("rb") as handle:
            loaded: list[FileSummary] = pickle.load(handle)  # noqa: S301 - written by us
        return loaded
    paths = [str(p.relative_to(source)) for p in sorted((source / "django").rglob("*.py"))]
    summaries = [
        summarize((source / found.path).read_text(encoding="utf-8", errors="replace"),
                  found.module, found.path)
        for found in discover(paths)
    ]
    with cached.open("wb") as handle:
        pickle.dump(summaries, handle)
    return summaries


def edges(graph: CodeGraph) -> set[Edge]:
    return set(graph.graph.edges(keys=True))


def edges_with_attributes(graph: CodeGraph) -> set[tuple[str, str, str, str]]:
    return {
        (u, v, k, repr(sorted((a, repr(b)) for a, b in d.items())))
        for u, v, k, d in graph.graph.edges(keys=True, data=True)
    }


def orders(summaries: list[FileSummary], seeds: list[int]) -> list[tuple[str, list[FileSummary]]]:
    found = [("forward", summaries), ("reversed", summaries[::-1])]
    for seed in seeds:
        shuffled = list(summaries)
        random.Random(seed).shuffle(shuffled)  # noqa: S311 - a fixed order, not a secret
        found.append((f"shuffled-{seed}", shuffled))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="",
                        help="link only modules starting with one of these (comma-separated)")
    parser.add_argument("--seeds", default="1,2", help="shuffle seeds (comma-separated)")
    parser.add_argument("--summaries", type=Path,
                        help="a pickled list of FileSummary to link instead of Django's")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    if args.summaries:
        with args.summaries.open("rb") as handle:
            summaries: list[FileSummary] = pickle.load(handle)  # noqa: S301 - the user's file
    else:
        summaries = django_summaries()
    prefixes = tuple(p for p in args.prefix.split(",") if p)
    if prefixes:
        summaries = [s for s in summaries if s.module.startswith(prefixes)]
    seeds = [int(s) for s in args.seeds.split(",") if s]
    print(f"{len(summaries)} modules", flush=True)
    results: list[dict[str, object]] = []
    first: CodeGraph | None = None
    for name, order in orders(summaries, seeds):
        started = time.process_time()
        graph = link(order)
        cpu = time.process_time() - started
        row: dict[str, object] = {
            "order": name, "edges": graph.graph.number_of_edges(),
            "unresolved_calls": graph.unresolved_calls, "link_cpu_s": round(cpu, 2),
        }
        if first is None:
            first = graph
        else:
            mine, theirs = edges(first), edges(graph)
            row["only_forward"] = len(mine - theirs)
            row[f"only_{name}"] = len(theirs - mine)
            row["attribute_differences"] = len(
                edges_with_attributes(first) ^ edges_with_attributes(graph)
            )
            row["unresolved_sites_differ"] = len(
                set(first.unresolved_sites) ^ set(graph.unresolved_sites)
            )
        results.append(row)
        print("  ".join(f"{k} {v}" for k, v in row.items()), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
