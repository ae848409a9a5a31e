"""The impact report as JSON, exactly the "Report JSON (schema_version 1)" of DESIGN.md.

Keys and their order are part of the contract (scripts and the pull-request bot read them), so
every dictionary is built explicitly here and nothing is derived from the dataclass fields: a
field added to the model does not leak into the output.
"""

from __future__ import annotations

import math
from typing import Any

from impactgraph.model import AffectedModule, Change, Diagnostic, ImpactReport, Stats
from impactgraph.render.escape import json_document

SCHEMA_VERSION = 1
SCORE_DECIMALS = 4
SECONDS_DECIMALS = 3


def change_to_dict(change: Change) -> dict[str, Any]:
    return {
        "symbol": change.symbol,
        "kind": change.kind.value,
        "breaking": change.breaking,
        "path": change.path,
        "line": change.line,
        "detail": change.detail,
        # only on changes that have them (a default, annotation, kind or decorator list)
        **({"old": change.old} if change.old is not None else {}),
        **({"new": change.new} if change.new is not None else {}),
    }


def changes_to_dict(changes: tuple[Change, ...]) -> list[dict[str, Any]]:
    return [change_to_dict(change) for change in changes]


def diagnostic_to_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    return {"path": diagnostic.path, "message": diagnostic.message}


def warnings_to_dict(warnings: tuple[Diagnostic, ...]) -> list[dict[str, Any]]:
    return [diagnostic_to_dict(warning) for warning in warnings]


def affected_to_dict(module: AffectedModule) -> dict[str, Any]:
    return {
        "module": module.module,
        "path": module.path,
        "package": module.package,
        "depth": module.depth,
        "breaking": module.breaking,
        "crosses_gateway": module.crosses_gateway,
        "crosses_package": module.crosses_package,
        "is_test": module.is_test,
        "score": _rounded(module.score, SCORE_DECIMALS),
        "via": list(module.via),
        "owners": list(module.owners),
    }


def stats_to_dict(stats: Stats) -> dict[str, Any]:
    return {
        "files_indexed": stats.files_indexed,
        "unresolved_calls": stats.unresolved_calls,
        "seconds": _rounded(stats.seconds, SECONDS_DECIMALS),
    }


def to_dict(report: ImpactReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "base": report.base,
        "base_commit": report.base_commit,
        "head": report.head,
        "head_commit": report.head_commit,
        "gateways_crossed": list(report.gateways_crossed),
        "changes": changes_to_dict(report.changes),
        "affected": [affected_to_dict(module) for module in report.affected],
        "tests": list(report.tests),
        "warnings": warnings_to_dict(report.warnings),
        "stats": stats_to_dict(report.stats),
    }


def tests_to_dict(report: ImpactReport) -> dict[str, Any]:
    """``impactgraph tests --format json``: each selected file with its reasons."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tests": [{"path": t.path, "reasons": list(t.reasons)} for t in report.test_reasons],
        "all": report.all_tests,
        "warnings": warnings_to_dict(report.warnings),
    }


def dumps(data: dict[str, Any]) -> str:
    """Stable text: two-space indent, UTF-8 characters as they are, one final newline."""
    return json_document(data, indent=2, allow_nan=False) + "\n"


def render(report: ImpactReport) -> str:
    return dumps(to_dict(report))


def _rounded(value: float, decimals: int) -> float:
    # NaN and infinities are not JSON; a score is always finite, so this only guards the output.
    if not math.isfinite(value):
        return 0.0
    return round(float(value), decimals)
