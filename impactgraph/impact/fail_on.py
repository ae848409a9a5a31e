"""The ``--fail-on`` conditions of ``impact`` and ``comment``: a report in, a yes or no out."""

from __future__ import annotations

from enum import Enum

from impactgraph.errors import UsageError
from impactgraph.model import ImpactReport


class FailOn(str, Enum):
    """``--fail-on``: when CI should fail (exit 1)."""

    BROKEN = "broken"
    BREAKING = "breaking"
    GATEWAY = "gateway"
    ANY = "any"


def fails(report: ImpactReport, fail_on: str) -> bool:
    """Does the ``--fail-on`` condition hold?

    broken: some module of the repository is broken (its own code breaks, as the head has
    it); breaking: a breaking change (an API break, even with no caller here), or a module it
    breaks; gateway: an effect that crosses a gateway; any: anything is affected (DESIGN.md:
    a change that reaches no module, a body change nothing calls, does not count).
    """
    if fail_on == "broken":
        return any(a.breaking for a in report.affected)
    if fail_on == "breaking":
        return any(c.breaking for c in report.changes) or any(a.breaking for a in report.affected)
    if fail_on == "gateway":
        return any(a.crosses_gateway for a in report.affected)
    if fail_on == "any":
        return bool(report.affected)
    choices = ", ".join(condition.value for condition in FailOn)
    raise UsageError(f"--fail-on must be one of {choices}, got {fail_on!r}")
