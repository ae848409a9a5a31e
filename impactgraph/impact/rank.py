"""The documented score and the rank order of affected modules.

score = 0.5 * breaking + 0.25 * crosses_gateway + 0.25 / depth

so that, other things equal, a gateway-crossing module ranks above a non-crossing one, a
shallower above a deeper one, and any module a breaking change breaks (score > 0.5) above any
module only touched by a non-breaking change (score <= 0.5). Ties are broken by library code
before tests (a test module is not more affected for being a test), then by crossing a package
boundary, then by depth, then by name, so the order is total and stable.
"""

from __future__ import annotations

from collections.abc import Iterable

from impactgraph.model import AffectedModule

BREAKING_WEIGHT = 0.5
GATEWAY_WEIGHT = 0.25
DEPTH_WEIGHT = 0.25


def score(*, breaking: bool, crosses_gateway: bool, depth: int) -> float:
    return (
        BREAKING_WEIGHT * breaking
        + GATEWAY_WEIGHT * crosses_gateway
        + DEPTH_WEIGHT / max(depth, 1)
    )


def rank_affected(modules: Iterable[AffectedModule]) -> list[AffectedModule]:
    return sorted(
        modules,
        key=lambda m: (-m.score, m.is_test, not m.crosses_package, m.depth, m.module),
    )
