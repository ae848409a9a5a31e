"""Wording shared by the human-readable report formats (text and Markdown).

The model keeps stable machine values (``"parameter-removed"``); the sentences a person reads
are made here, once, so the terminal table and the pull-request comment say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from impactgraph.model import AffectedModule, Change, ImpactReport, Stats


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


@dataclass(frozen=True, slots=True)
class KindGroup:
    """The changes of one kind to one symbol: ``parameter removed: cert, proxies``."""

    words: str  # "parameter removed"
    items: tuple[str, ...]  # details, with ``old → new`` where the change has them
    breaking: bool


@dataclass(frozen=True, slots=True)
class SymbolChanges:
    """Every change to one symbol: one row of the text and Markdown reports."""

    symbol: str
    path: str
    line: int
    breaking: bool
    kinds: tuple[KindGroup, ...]
    count: int

    @property
    def mixed(self) -> bool:
        """Some kinds break and some do not: the rows then say which."""
        return len({group.breaking for group in self.kinds}) > 1


def change_item(change: Change) -> str:
    """``verify: True → None``, ``cert``, or ``True → None``; "" when there is nothing to say."""
    sides = old_new(change)
    if change.detail and sides:
        if change.old and change.new and "->" in change.detail:
            return change.detail.replace("->", " → ")  # "timer->start" says both sides already
        return f"{change.detail}: {sides}"
    return change.detail or sides or ""


def group_changes(changes: Sequence[Change]) -> list[SymbolChanges]:
    """One entry per changed symbol: breaking symbols first, otherwise in report order; within
    a symbol the kinds in order of first appearance (breaking kinds first)."""
    by_symbol: dict[str, list[Change]] = {}
    for change in changes:
        by_symbol.setdefault(change.symbol, []).append(change)
    result = []
    for symbol, found in by_symbol.items():
        kinds: dict[tuple[str, bool], list[str]] = {}
        for change in breaking_first(found):
            items = kinds.setdefault((kind_words(change), change.breaking), [])
            item = change_item(change)
            if item and item not in items:
                items.append(item)
        lines = [c.line for c in found if c.line > 0]
        result.append(
            SymbolChanges(
                symbol=symbol,
                path=found[0].path,
                line=min(lines, default=0),
                breaking=any(c.breaking for c in found),
                kinds=tuple(KindGroup(w, tuple(i), b) for (w, b), i in kinds.items()),
                count=len(found),
            )
        )
    return sorted(result, key=lambda entry: not entry.breaking)


def kind_line(group: KindGroup, *, mixed: bool = False) -> str:
    """``parameter removed: cert, proxies`` (`` (breaking)`` where a symbol's kinds differ)."""
    text = group.words + (": " + ", ".join(group.items) if group.items else "")
    return text + (" (breaking)" if mixed and group.breaking else "")


def changes_heading(changes: Sequence[Change], symbols: int) -> str:
    """``Changes (255 in 175 symbols)``, or ``Changes (3)`` when each symbol changed once."""
    if symbols == len(changes):
        return f"Changes ({len(changes):,})"
    return f"Changes ({len(changes):,} in {plural(symbols, 'symbol')})"


def owners_reached(affected: Sequence[AffectedModule]) -> list[tuple[str, int]]:
    """Each CODEOWNERS owner of an affected module, with how many affected modules they own;
    most modules first, then by name."""
    counts: dict[str, int] = {}
    for module in affected:
        for owner in module.owners:
            counts[owner] = counts.get(owner, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


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
