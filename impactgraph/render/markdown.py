"""The impact report as Markdown for a pull-request comment.

Order follows what a reviewer asks first: the verdict, what changed (breaking first), who is
hit (rank order), why (call chains), which tests to run, warnings, and the picture.

The pull-request bot shrinks a comment that is too long by calling ``render`` again with
``details=False``, then a smaller ``max_rows``, then ``graph=False``; so every list that can
grow with the code base is capped at ``max_rows`` with a line counting the rest, and the
embedded Mermaid diagram is fitted within GitHub's limits on its own (``report_drawing``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from impactgraph.model import AffectedModule, ImpactReport
from impactgraph.render import report_drawing
from impactgraph.render.report_summary import (
    KindGroup,
    Status,
    changes_heading,
    compared_commits,
    group_changes,
    location,
    owners_reached,
    plural,
    stats_line,
    verdict,
)

SCORE_FORMAT = "{:.2f}"


def render(
    report: ImpactReport, *, details: bool = True, max_rows: int = 25, graph: bool = True
) -> str:
    max_rows = max(max_rows, 1)
    sections = [
        f"### impactgraph: {_revisions(report)}",
        _verdict(report),
    ]
    owners = owners_reached(report.affected)
    if owners:
        shown = ", ".join(f"{code(owner)} ({count:,})" for owner, count in owners[:max_rows])
        more = f" and {len(owners) - max_rows:,} more" if len(owners) > max_rows else ""
        sections.append(f"Owners reached (affected modules): {shown}{more}")
    if report.gateways_crossed:
        shown = ", ".join(code(g) for g in report.gateways_crossed[:max_rows])
        sections.append(
            f"Gateways crossed: {shown}{_more_inline(report.gateways_crossed, max_rows)}"
        )
    if report.changes:
        sections.append(_changes(report, max_rows))
    if report.affected:
        sections.append(_affected(report.affected, max_rows))
        if details:
            sections.append(_chains(report.affected, max_rows))
    if report.tests:
        sections.append(_tests(report.tests, max_rows))
    if report.warnings:
        sections.append(_warnings(report, max_rows))
    if graph and report.changes and report.affected:  # nothing reached: nothing to draw
        sections.append(_graph(report))
    sections.append(f"<sub>{md_text(stats_line(report.stats))}</sub>")
    return "\n\n".join(sections) + "\n"


# -- Markdown escaping ------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")


def md_text(text: str) -> str:
    """Plain text that Markdown and GitHub's HTML keep as written (tables included)."""
    return _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;").replace("\n", " "))


def code(text: str, *, in_table: bool = False) -> str:
    """A code span that survives backticks in ``text`` (and pipes, inside a table row)."""
    text = text.replace("\n", " ")
    if not text:
        return ""
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    span = f"{fence}{pad}{text}{pad}{fence}"
    # GitHub splits table rows on unescaped pipes before it sees code spans.
    return span.replace("|", "\\|") if in_table else span


# -- sections ---------------------------------------------------------------------------------


def _revisions(report: ImpactReport) -> str:
    """``origin/main`` (merge base ``3f2c1ab``) → ``HEAD`` (``9ab1c2d``)."""
    base_commit, head_commit = compared_commits(report)
    base, head = code(report.base), code(report.head)
    if base_commit:
        merge, _, sha = base_commit.rpartition(" ")
        base += f" ({merge} {code(sha)})"
    if head_commit:
        head += f" ({code(head_commit)})"
    return f"{base} → {head}"


def _verdict(report: ImpactReport) -> str:
    found = verdict(report)
    if found.status is Status.NO_CHANGES:
        return (
            f"**No changes** between {code(report.base)} and {code(report.head)}: nothing affected."
        )
    return f"**{found.status.value}:** {found.changes}; {found.reach}."


def _changes(report: ImpactReport, max_rows: int) -> str:
    """One row per changed symbol: its kinds (with details and ``old → new``) in one cell.

    The location goes under the symbol rather than in a column of its own: a fourth column
    squeezes the changes, the widest cell, into a narrow strip on a pull-request page.
    """
    groups = group_changes(report.changes)
    rows = [
        "| Symbol | Changes | Breaking |",
        "| --- | --- | :-: |",
    ]
    for group in groups[:max_rows]:
        what = "<br>".join(_kind_cell(kind, group.mixed) for kind in group.kinds)
        where = code(location(group.path, group.line), in_table=True)
        rows.append(
            f"| {code(group.symbol, in_table=True)}<br><sub>{where}</sub> | {what}"
            f" | {_yes(group.breaking, bold=True)} |"
        )
    heading = changes_heading(report.changes, len(groups))
    text = f"#### {heading}\n\n" + "\n".join(rows)
    rest = groups[max_rows:]
    if rest:
        breaking = sum(1 for group in rest if group.breaking)
        changes = sum(group.count for group in rest)
        text += f"\n\n…and {plural(len(rest), 'more symbol')} ({plural(changes, 'change')}" + (
            f", {breaking:,} breaking)." if breaking else ")."
        )
    return text


def _kind_cell(kind: KindGroup, mixed: bool) -> str:
    text = md_text(kind.words)
    if kind.items:
        text += " " + ", ".join(code(item, in_table=True) for item in kind.items)
    return text + (" (**breaking**)" if mixed and kind.breaking else "")


def _affected(affected: Sequence[AffectedModule], max_rows: int) -> str:
    owned = any(module.owners for module in affected)  # the column only where CODEOWNERS is
    rows = [
        "| # | Module | Depth | Breaking | Gateway | Cross-package | Test | Score |"
        + (" Owners |" if owned else ""),
        "| --: | --- | --: | :-: | :-: | :-: | :-: | --: |" + (" --- |" if owned else ""),
    ]
    for rank, module in enumerate(affected[:max_rows], start=1):
        owners = ", ".join(code(owner, in_table=True) for owner in module.owners)
        rows.append(
            f"| {rank} | {code(module.module, in_table=True)} | {module.depth}"
            f" | {_yes(module.breaking, bold=True)} | {_yes(module.crosses_gateway)}"
            f" | {_yes(module.crosses_package)} | {_yes(module.is_test)}"
            f" | {SCORE_FORMAT.format(module.score)} |" + (f" {owners} |" if owned else "")
        )
    text = f"#### Affected modules ({len(affected):,}, in rank order)\n\n" + "\n".join(rows)
    rest = affected[max_rows:]
    if rest:
        broken = sum(1 for module in rest if module.breaking)
        crossing = sum(1 for module in rest if module.crosses_gateway)
        notes = [f"{broken:,} broken"] if broken else []
        notes += [f"{crossing:,} through a gateway"] if crossing else []
        text += f"\n\n…and {plural(len(rest), 'more module')}" + (
            f" ({', '.join(notes)})." if notes else "."
        )
    return text


def _chains(affected: Sequence[AffectedModule], max_rows: int) -> str:
    shown = affected[:max_rows]
    items = [
        f"- {code(module.module)}: " + " → ".join(code(symbol) for symbol in module.via)
        for module in shown
    ]
    title = (
        f"Call chains ({len(shown):,} of {len(affected):,})"
        if len(shown) < len(affected)
        else f"Call chains ({len(affected):,})"
    )
    return _details(title, items)


def _tests(tests: Sequence[str], max_rows: int) -> str:
    items = [f"- {code(test)}" for test in tests[:max_rows]]
    if len(tests) > max_rows:
        items.append(f"- …and {len(tests) - max_rows:,} more (`impactgraph tests` lists them all)")
    return _details(f"Affected tests ({len(tests):,})", items)


def _warnings(report: ImpactReport, max_rows: int) -> str:
    items = [
        f"- {code(warning.path)}: {md_text(warning.message)}"
        for warning in report.warnings[:max_rows]
    ]
    if len(report.warnings) > max_rows:
        items.append(f"- …and {plural(len(report.warnings) - max_rows, 'more warning')}")
    return f"#### Warnings ({len(report.warnings):,})\n\n" + "\n".join(items)


def _graph(report: ImpactReport) -> str:
    fitted = report_drawing.fitted(report)
    text = "#### Impact graph\n\n```mermaid\n" + fitted.text + "```"
    if fitted.diagram.omitted:
        text += f"\n\n_{md_text(fitted.diagram.omitted)}_"
    return text


def _details(summary: str, items: Sequence[str]) -> str:
    return (
        f"<details>\n<summary>{html.escape(summary)}</summary>\n\n"
        + "\n".join(items)
        + ("\n\n</details>")
    )


def _yes(flag: bool, *, bold: bool = False) -> str:
    if not flag:
        return "no"
    return "**yes**" if bold else "yes"


def _more_inline(items: Sequence[str], max_rows: int) -> str:
    rest = len(items) - max_rows
    return f" and {rest:,} more" if rest > 0 else ""
