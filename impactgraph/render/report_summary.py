"""Wording shared by the human-readable report formats (text and Markdown).

The model keeps stable machine values (``"parameter-removed"``); the sentences a person reads
are made here, once, so the terminal table and the pull-request comment say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from impactgraph.model import Change, ImpactReport, Stats


class Status(str, Enum):
    BREAKING = "Breaking"
    NOT_BREAKING = "Not breaking"
    NO_CHANGES = "No changes"


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    changes: str  # "2 of 3 changes are breaking"
    reach: str  # "6 modules affected (4 broken), 3 through a gateway"

    @property
    def sentence(self) -> str:
        if self.status is Status.NO_CHANGES:
            return "No changes"
        return f"{self.changes}; {self.reach}"


SHORT_SHA = 7


def compared_commits(report: ImpactReport) -> tuple[str | None, str | None]:
    """Which commits were compared, as a person reads them: ``("merge base 3f2c1ab",
    "9ab1c2d")``; None where the report has no commit (the working tree, an old report)."""
    base = f"merge base {report.base_commit[:SHORT_SHA]}" if report.base_commit else None
    head = report.head_commit[:SHORT_SHA] if report.head_commit else None
    return base, head


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def verdict(report: ImpactReport) -> Verdict:
    total = len(report.changes)
    if total == 0:
        return Verdict(Status.NO_CHANGES, "no changes", "nothing affected")
    breaking = sum(1 for change in report.changes if change.breaking)
    if breaking == total:
        changes = plural(total, "breaking change")
    elif breaking:
        verb = "is" if breaking == 1 else "are"
        changes = f"{breaking:,} of {plural(total, 'change')} {verb} breaking"
    else:
        changes = f"{plural(total, 'change')}, none breaking"
    return Verdict(Status.BREAKING if breaking else Status.NOT_BREAKING, changes, _reach(report))


def _reach(report: ImpactReport) -> str:
    affected = len(report.affected)
    if affected == 0:
        return "no module affected"
    broken = sum(1 for module in report.affected if module.breaking)
    crossing = sum(1 for module in report.affected if module.crosses_gateway)
    text = f"{plural(affected, 'module')} affected"
    if broken:
        text += f" ({broken:,} broken)"
    if crossing:
        text += f", {crossing:,} through a gateway"
    return text


def breaking_first(changes: Sequence[Change]) -> list[Change]:
    """Breaking changes first; otherwise the report's order (stable)."""
    return sorted(changes, key=lambda change: not change.breaking)


def kind_words(change: Change) -> str:
    """``parameter-removed`` -> ``parameter removed``."""
    return change.kind.value.replace("-", " ")


def old_new(change: Change) -> str | None:
    """``True → None``: the two sides of a change a reviewer compares, when it has them."""
    if change.old is None and change.new is None:
        return None
    return f"{change.old or '(none)'} → {change.new or '(none)'}"


def location(path: str, line: int) -> str:
    return f"{path}:{line}" if line > 0 else path


def stats_line(stats: Stats) -> str:
    return (
        f"{plural(stats.files_indexed, 'file')} indexed · "
        f"{plural(stats.unresolved_calls, 'unresolved call')} · "
        f"{stats.seconds:.2f} s"
    )


def abbreviate_chain(via: Sequence[str], keep: int = 4) -> list[str]:
    """The first and last links of a long chain with ``…`` for the middle.

    The ends matter most to a reader: the change that started it and the symbols in the
    affected module; the full chain is in the JSON and in the Markdown ``<details>``.
    """
    if len(via) <= keep + 1:  # hiding a single link saves nothing
        return list(via)
    head = keep // 2
    tail = keep - head
    return [*via[:head], f"… {len(via) - keep} more …", *via[-tail:]]
