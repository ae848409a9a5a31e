"""Score impactgraph's call graph against the accuracy suite in tests/callgraph.

Every case directory ``tests/callgraph/<category>/<case>/`` is its own source root (``main.py``
plus any modules/packages) with the expected call graph in ``callgraph.json`` (PyCG format:
``{"caller": ["callee", ...]}``). The tool's graph comes from
``impactgraph.app.callgraph.pycg_for_directory(case_dir)``. Graphs are compared as sets of
(caller, callee) edges over all keys; keys with empty lists contribute nothing.

    precision = true positives / found edges      (1.0 when nothing was found)
    recall    = true positives / expected edges   (1.0 when nothing was expected)

Usage::

    python benchmarks/callgraph_accuracy.py                    # table per category + total
    python benchmarks/callgraph_accuracy.py --verbose          # plus missing/extra edges per case
    python benchmarks/callgraph_accuracy.py --category mro     # one category
    python benchmarks/callgraph_accuracy.py --json             # machine-readable totals
    python benchmarks/callgraph_accuracy.py --min-recall 0.9   # exit 1 below a threshold

From code (the test-suite): ``score(root) -> dict`` with ``totals``, ``categories``, ``kinds``
(edges split by callee: in-program, ``<builtin>.*``, external) and ``cases``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = REPO / "tests" / "callgraph"
BUILTIN_PREFIX = "<builtin>."
KINDS = ("internal", "builtin", "external")

Graph = dict[str, list[str]]
Edge = tuple[str, str]
Tool = Callable[[Path], Graph]


class ToolMissing(RuntimeError):
    """impactgraph.app.callgraph.pycg_for_directory cannot be imported."""


def load_tool() -> Tool:
    """Import ``pycg_for_directory`` lazily, so this script loads without the tool."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    try:
        from impactgraph.app.callgraph import pycg_for_directory
    except ImportError as exc:
        raise ToolMissing(
            "cannot import impactgraph.app.callgraph.pycg_for_directory "
            f"({type(exc).__name__}: {exc}); the call-graph builder is not available yet"
        ) from exc
    return pycg_for_directory


# ---------------------------------------------------------------- graphs and cases


def load_graph(path: Path) -> Graph:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object")
    return {str(k): [str(v) for v in vs] for k, vs in data.items()}


def graph_edges(graph: Graph) -> set[Edge]:
    return {(caller, callee) for caller, callees in graph.items() for callee in callees}


def iter_cases(root: Path, category: str | None = None) -> list[tuple[str, str, Path]]:
    """(category, case, directory) for every case under ``root``, sorted."""
    return [
        (cat_dir.name, case_dir.name, case_dir)
        for cat_dir in sorted(p for p in root.iterdir() if p.is_dir())
        if category is None or cat_dir.name == category
        for case_dir in sorted(p for p in cat_dir.iterdir() if p.is_dir())
        if (case_dir / "callgraph.json").is_file()
    ]


def edge_kind(callee: str, program_nodes: Iterable[str]) -> str:
    if callee.startswith(BUILTIN_PREFIX):
        return "builtin"
    return "internal" if callee in program_nodes else "external"


# ---------------------------------------------------------------- scoring


def ratio(numerator: int, denominator: int) -> float:
    return 1.0 if denominator == 0 else numerator / denominator


def _counts(expected: int, found: int, tp: int, **extra: Any) -> dict[str, Any]:
    precision = ratio(tp, found)
    recall = ratio(tp, expected)
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return {
        "expected": expected,
        "found": found,
        "tp": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        **extra,
    }


def score_case(case_dir: Path, tool: Tool) -> dict[str, Any]:
    expected_graph = load_graph(case_dir / "callgraph.json")
    expected = graph_edges(expected_graph)
    error = None
    started = time.perf_counter()
    try:
        found_graph = tool(case_dir)
        found = graph_edges({k: list(v) for k, v in found_graph.items()})
    except Exception as exc:  # one broken case must not stop the benchmark
        error = f"{type(exc).__name__}: {exc}"
        found_graph, found = {}, set()
    seconds = time.perf_counter() - started
    tp = expected & found
    # Nodes of the program: the expected keys (every module/function/lambda of the case).
    nodes = set(expected_graph)
    kinds = {}
    for kind in KINDS:
        exp_k = {e for e in expected if edge_kind(e[1], nodes) == kind}
        found_k = {e for e in found if edge_kind(e[1], nodes) == kind}
        kinds[kind] = {"expected": len(exp_k), "found": len(found_k), "tp": len(exp_k & found_k)}
    return {
        **_counts(len(expected), len(found), len(tp)),
        "missing": sorted(expected - found),
        "extra": sorted(found - expected),
        "missing_keys": sorted(nodes - set(found_graph)) if error is None else [],
        "extra_keys": sorted(set(found_graph) - nodes - {c for _, c in expected}),
        "kinds": kinds,
        "error": error,
        "seconds": seconds,
    }


def score(
    root: Path | str = DEFAULT_ROOT,
    category: str | None = None,
    tool: Tool | None = None,
) -> dict[str, Any]:
    """Score the tool over every case under ``root`` (optionally one category).

    Returns ``{"root", "totals", "categories", "kinds", "cases"}``; totals and each category
    have cases, expected, found, tp, precision, recall, f1, errors; ``cases`` is a list with
    the per-case counts plus ``missing``/``extra`` edges and ``error``. Raises ToolMissing
    when no tool is given and impactgraph.app.callgraph is not importable.
    """
    root = Path(root)
    if tool is None:
        tool = load_tool()
    cases = iter_cases(root, category)
    per_case = []
    by_category: dict[str, dict[str, int]] = {}
    by_kind = {kind: {"expected": 0, "found": 0, "tp": 0} for kind in KINDS}
    total = {"cases": 0, "expected": 0, "found": 0, "tp": 0, "errors": 0}
    seconds = 0.0
    for cat, name, case_dir in cases:
        result = score_case(case_dir, tool)
        per_case.append({"category": cat, "case": name, **result})
        bucket = by_category.setdefault(
            cat, {"cases": 0, "expected": 0, "found": 0, "tp": 0, "errors": 0}
        )
        for acc in (bucket, total):
            acc["cases"] += 1
            acc["expected"] += result["expected"]
            acc["found"] += result["found"]
            acc["tp"] += result["tp"]
            acc["errors"] += result["error"] is not None
        for kind in KINDS:
            for key in ("expected", "found", "tp"):
                by_kind[kind][key] += result["kinds"][kind][key]
        seconds += result["seconds"]
    return {
        "root": str(root),
        "totals": _counts(
            total["expected"],
            total["found"],
            total["tp"],
            cases=total["cases"],
            errors=total["errors"],
            seconds=seconds,
        ),
        "categories": {
            cat: _counts(c["expected"], c["found"], c["tp"], cases=c["cases"], errors=c["errors"])
            for cat, c in sorted(by_category.items())
        },
        "kinds": {kind: _counts(**counts) for kind, counts in by_kind.items()},
        "cases": per_case,
    }


# ---------------------------------------------------------------- report


def _row(label: str, c: dict[str, Any], cases: Any = "") -> str:
    return (
        f"{label:<22} {cases!s:>5} {c['expected']:>8} {c['found']:>6} {c['tp']:>5} "
        f"{c['precision']:>9.3f} {c['recall']:>7.3f}"
    )


def format_report(result: dict[str, Any], verbose: bool = False) -> str:
    lines = []
    if verbose:
        for case in result["cases"]:
            if not (case["missing"] or case["extra"] or case["error"]):
                continue
            lines.append(
                f"{case['category']}/{case['case']}: precision {case['precision']:.2f}"
                f", recall {case['recall']:.2f}"
            )
            if case["error"]:
                lines.append(f"    ERROR {case['error']}")
            lines.extend(f"    missing  {a} -> {b}" for a, b in case["missing"])
            lines.extend(f"    extra    {a} -> {b}" for a, b in case["extra"])
            if case["missing_keys"]:
                lines.append(f"    missing keys: {', '.join(case['missing_keys'])}")
        if lines:
            lines.append("")
    header = (
        f"{'category':<22} {'cases':>5} {'expected':>8} {'found':>6} {'TP':>5} "
        f"{'precision':>9} {'recall':>7}"
    )
    lines += [header, "-" * len(header)]
    for cat, counts in result["categories"].items():
        lines.append(_row(cat, counts, counts["cases"]))
    lines.append("-" * len(header))
    totals = result["totals"]
    lines.append(_row("TOTAL", totals, totals["cases"]))
    lines.append("")
    lines.append(
        f"{'edges by callee kind':<22} {'':>5} {'expected':>8} {'found':>6} {'TP':>5} "
        f"{'precision':>9} {'recall':>7}"
    )
    for kind, counts in result["kinds"].items():
        lines.append(_row(kind, counts))
    lines.append("")
    lines.append(
        f"F1 {totals['f1']:.3f}; {totals['errors']} case(s) raised; "
        f"{totals['seconds']:.2f}s in the tool"
    )
    return "\n".join(lines)


PYCG_SDIST = "pycg==0.0.8"
CACHE = REPO / "benchmarks" / ".cache"


def fetch_pycg_micro_benchmark() -> Path:
    """PyCG's micro-benchmark (the snippets with their callgraph.json) from its PyPI sdist."""
    import subprocess
    import tarfile

    target = CACHE / "pycg-0.0.8" / "micro-benchmark" / "snippets"
    if target.is_dir():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
         ":all:", PYCG_SDIST, "-d", str(CACHE)],
        check=True,
    )
    with tarfile.open(CACHE / "pycg-0.0.8.tar.gz") as archive:
        members = [m for m in archive.getmembers() if "/micro-benchmark/" in m.name]
        archive.extractall(CACHE, members=members, filter="data")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score impactgraph's call graph against the tests/callgraph accuracy suite."
    )
    parser.add_argument(
        "--root", type=Path, default=DEFAULT_ROOT, help="suite root (default: tests/callgraph)"
    )
    parser.add_argument("--category", help="only score this category")
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="list the missing and extra edges of every case",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print machine-readable totals (with --verbose: every case too)",
    )
    parser.add_argument(
        "--pycg-micro",
        action="store_true",
        help="score PyCG's own micro-benchmark instead (downloads the pycg 0.0.8 sdist from "
        "PyPI into benchmarks/.cache, which git ignores)",
    )
    parser.add_argument("--min-precision", type=float, help="exit 1 if total precision is lower")
    parser.add_argument("--min-recall", type=float, help="exit 1 if total recall is lower")
    args = parser.parse_args(argv)
    if args.pycg_micro:
        args.root = fetch_pycg_micro_benchmark()
    if not args.root.is_dir():
        print(f"error: no suite at {args.root}", file=sys.stderr)
        return 2
    try:
        result = score(args.root, args.category)
    except ToolMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not result["cases"]:
        print(
            f"error: no cases under {args.root}"
            + (f" in category {args.category!r}" if args.category else ""),
            file=sys.stderr,
        )
        return 2
    if args.json:
        out = {key: result[key] for key in ("root", "totals", "categories", "kinds")}
        if args.verbose:
            out["cases"] = result["cases"]
        print(json.dumps(out, indent=2))
    else:
        print(format_report(result, verbose=args.verbose))
    totals = result["totals"]
    if args.min_precision is not None and totals["precision"] < args.min_precision:
        return 1
    if args.min_recall is not None and totals["recall"] < args.min_recall:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
