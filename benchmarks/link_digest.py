"""Is a change to the linker exact? A digest of the linked graph, to compare across commits.

Links the summaries of one or more trees (Django 5.2.8's ``django/``, pinned and cached as in
``index_speed.py``, or any folder) and prints, per tree, the edges, the unresolved calls, the
link's CPU seconds and a SHA-256 of everything the graph holds that a user sees: every edge
with its attributes, the unresolved sites and the outside calls. Run it on two checkouts
(each with its own environment) with the same ``PYTHONHASHSEED``: equal digests mean the
change left every graph as it was. ``--dump FILE`` writes the canonical lines the digest is
made of, to ``diff`` when they differ.

Usage::

    PYTHONHASHSEED=0 python benchmarks/link_digest.py [--django] [PATH ...] [--dump FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from impactgraph.adapters.fs import iter_python_files  # noqa: E402
from impactgraph.config import load_config  # noqa: E402
from impactgraph.discovery import discover  # noqa: E402
from impactgraph.indexer import summarize  # noqa: E402
from impactgraph.linker import CodeGraph, link  # noqa: E402
from impactgraph.model import FileSummary  # noqa: E402


def tree_summaries(root: Path) -> list[FileSummary]:
    """The summaries of every module ``index`` finds under ``root`` (its configuration)."""
    config = load_config(root)
    return [
        summarize((root / found.path).read_text(encoding="utf-8", errors="replace"),
                  found.module, found.path)
        for found in discover(iter_python_files(root), config.source_roots, config.exclude)
    ]


def canonical_lines(graph: CodeGraph) -> Iterator[str]:
    """The graph as sorted lines: edges with their attributes, unresolved sites, outside calls."""
    yield from sorted(repr((source, target, sorted(data.items())))
                      for source, target, data in graph.graph.edges(data=True))
    yield from (f"unresolved {site!r}" for site in sorted(graph.unresolved_sites))
    yield from (f"outside {caller!r} {sorted(callees)!r}"
                for caller, callees in sorted(graph.external_calls.items()))


def digest(graph: CodeGraph) -> str:
    sha = hashlib.sha256()
    for line in canonical_lines(graph):
        sha.update(line.encode())
        sha.update(b"\n")
    return sha.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("paths", nargs="*", type=Path, help="folders to link (as `index` does)")
    parser.add_argument("--django", action="store_true", help="Django 5.2.8's django/ (cached)")
    parser.add_argument("--dump", type=Path, help="write the canonical lines here (last tree)")
    options = parser.parse_args()
    trees: list[tuple[str, list[FileSummary]]] = []
    if options.django or not options.paths:
        from link_order import django_summaries

        trees.append(("django", django_summaries()))
    for path in options.paths:
        if not path.is_dir():
            raise SystemExit(f"link_digest: not a folder: {path}")
        trees.append((str(path), tree_summaries(path)))
    for name, summaries in trees:
        started = time.process_time()
        graph = link(summaries)
        cpu = time.process_time() - started
        print(f"{name}: {graph.graph.number_of_edges()} edges, "
              f"{len(graph.unresolved_sites)} unresolved calls, digest {digest(graph)}, "
              f"link CPU {cpu:.2f} s", flush=True)
        if options.dump:
            options.dump.write_text("".join(line + "\n" for line in canonical_lines(graph)))


if __name__ == "__main__":
    main()
