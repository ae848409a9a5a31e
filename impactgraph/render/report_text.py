"""The impact report as a terminal table (rich for styles and colour).

The caller decides on colour (the CLI: a TTY and ``NO_COLOR`` unset); without it the output
is plain text with no escape codes and no trailing spaces, so it can be piped, diffed and
snapshot-tested. Columns are laid out here rather than with ``rich.table``: a call chain does
not fit in a column of a 100-character table, so it gets its own indented line under its row,
where it can wrap without folding every other column.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group, JustifyMethod
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from impactgraph.model import ImpactReport
from impactgraph.render.report_summary import (
    Status,
    abbreviate_chain,
    changes_heading,
    compared_commits,
    group_changes,
    location,
    owners_reached,
    stats_line,
    verdict,
)

DEFAULT_WIDTH = 100
UNBOUNDED = 100_000  # "never wrap": wider than any line a report has
MIN_WIDTH = 40
INDENT = 2
GAP = "  "
STATUS_STYLE = {
    Status.BREAKING: "bold red",
    Status.NOT_BREAKING: "bold yellow",
    Status.NO_CHANGES: "bold green",
}

Row = Sequence[Text]


def render(
    report: ImpactReport, *, color: bool = False, width: int | None = DEFAULT_WIDTH
) -> str:
    """``width``: the columns to fit (the terminal's); None: never wrap (a pipe, a CI log)."""
    width = UNBOUNDED if width is None else max(width, MIN_WIDTH)
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    with console.capture() as capture:
        console.print(Group(*_blocks(report, width)))
    return "\n".join(line.rstrip(" ") for line in capture.get().split("\n"))


def _blocks(report: ImpactReport, width: int) -> list[Text | Padding]:
    blocks: list[Text | Padding] = [_verdict(report)]
    base_commit, head_commit = compared_commits(report)
    base = f"{report.base} ({base_commit})" if base_commit else report.base
    head = f"{report.head} ({head_commit})" if head_commit else report.head
    context = Text(f"{base} → {head}", "dim")
    if report.gateways_crossed:
        context.append(" · gateways crossed: ", "dim")
        context.append(", ".join(report.gateways_crossed), "blue")
    blocks.append(context)
    owners = owners_reached(report.affected)
    if owners:
        reached = Text("owners reached: ", "dim")
        reached.append(", ".join(f"{owner} ({count:,})" for owner, count in owners), "magenta")
        blocks.append(reached)
    if report.changes:
        symbols = len({change.symbol for change in report.changes})
        blocks += [Text(""), _heading(changes_heading(report.changes, symbols))]
        blocks += _changes(report, width)
    if report.affected:
        blocks += [
            Text(""),
            _heading(f"Affected modules ({len(report.affected):,}, in rank order)"),
        ]
        blocks += _affected(report, width)
    if report.tests:
        blocks += [Text(""), _heading(f"Affected tests ({len(report.tests):,})")]
        blocks += [_indented(Text(test), width) for test in report.tests]
    if report.warnings:
        blocks += [Text(""), _heading(f"Warnings ({len(report.warnings):,})")]
        blocks += [
            _indented(Text.assemble((w.path, "yellow"), ": ", w.message), width)
            for w in report.warnings
        ]
    blocks += [Text(""), Text(stats_line(report.stats), "dim")]
    return blocks


def _verdict(report: ImpactReport) -> Text:
    found = verdict(report)
    if found.status is Status.NO_CHANGES:
        return Text("No changes", STATUS_STYLE[found.status])
    return Text.assemble((f"{found.status.value}: ", STATUS_STYLE[found.status]), found.sentence)


def _heading(text: str) -> Text:
    return Text(text, "bold underline")


def _changes(report: ImpactReport, width: int) -> list[Text | Padding]:
    """One row per changed symbol (flag, symbol, location), its kinds on indented lines below.

    A kind line that does not fit wraps under itself, never under another column.
    """
    groups = group_changes(report.changes)
    flagged = any(group.breaking for group in groups)
    rows: list[Row] = []
    places: list[Text] = []
    for group in groups:
        flag = [Text("BREAKING", "bold red") if group.breaking else Text("")] if flagged else []
        rows.append([*flag, Text(group.symbol, "bold" if group.breaking else "")])
        places.append(Text(location(group.path, group.line), "dim"))
    lines = _columns(rows)
    under = INDENT + (len("BREAKING") + len(GAP) if flagged else 0)
    # The location ends the line when every line has room for it, else it goes underneath.
    column = max(line.cell_len for line in lines)
    beside = width - INDENT - column - len(GAP) >= max(place.cell_len for place in places)
    blocks: list[Text | Padding] = []
    for line, place, group in zip(lines, places, groups, strict=True):
        if beside:
            line.append(" " * (column - line.cell_len) + GAP)
            line.append_text(place)
            blocks.append(_indented(line, width))
        else:
            blocks += [_indented(line, width), _indented(place, width, under)]
        for kind in group.kinds:
            text = Text(kind.words, "red" if kind.breaking and group.mixed else "")
            if kind.items:
                text.append(": ")
                text.append(", ".join(kind.items), "cyan")
            if kind.breaking and group.mixed:
                text.append(" (breaking)", "red")
            blocks.append(_indented(text, width, under + INDENT))
    return blocks


def _affected(report: ImpactReport, width: int) -> list[Text | Padding]:
    header = ["#", "module", "depth", "breaking", "gateway", "x-package", "test", "score"]
    rows: list[Row] = [[Text(title, "bold") for title in header]]
    for rank, module in enumerate(report.affected, start=1):
        rows.append(
            [
                Text(str(rank)),
                Text(module.module, "bold" if module.breaking else ""),
                Text(str(module.depth)),
                _flag(module.breaking, "red"),
                _flag(module.crosses_gateway, "blue"),
                _flag(module.crosses_package, ""),
                _flag(module.is_test, ""),
                Text(f"{module.score:.2f}"),
            ]
        )
    right = {0, 2, 7}
    lines = _columns(rows, right_aligned=right)
    if INDENT + max(line.cell_len for line in lines) > width:
        return _affected_narrow(report, width)
    blocks: list[Text | Padding] = [_indented(lines[0], width)]
    for line, module in zip(lines[1:], report.affected, strict=True):
        blocks.append(_indented(line, width))
        if module.via:
            chain = Text("via ", "dim")
            chain.append(" → ".join(abbreviate_chain(module.via)))
            blocks.append(_indented(chain, width, INDENT + 6))
        if module.owners:
            owners = Text("owners ", "dim")
            owners.append(", ".join(module.owners), "magenta")
            blocks.append(_indented(owners, width, INDENT + 6))
    return blocks


FLAGS = (("B", "broken"), ("G", "through a gateway"), ("X", "crosses a package"), ("T", "test"))


def _affected_narrow(report: ImpactReport, width: int) -> list[Text | Padding]:
    """The affected table for a terminal too narrow for its full width: the flags as letters
    and the module (with its chain and owners) last, in a column that wraps within itself."""
    legend = Text("flags: " + " · ".join(f"{letter} {words}" for letter, words in FLAGS), "dim")
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 2, 0, 0), expand=False)
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("#", "right"), ("depth", "right"), ("score", "right"), ("flags", "left"),
        ("module", "left"),
    )
    for title, justify in columns:
        table.add_column(title, justify=justify, header_style="bold", overflow="fold",
                         no_wrap=title != "module")
    for rank, module in enumerate(report.affected, start=1):
        values = (module.breaking, module.crosses_gateway, module.crosses_package, module.is_test)
        flags = "".join(
            letter if on else "-" for (letter, _), on in zip(FLAGS, values, strict=True)
        )
        cell = Text(module.module, "bold" if module.breaking else "")
        if module.via:
            cell.append("\nvia ", "dim")
            cell.append(" → ".join(abbreviate_chain(module.via)))
        if module.owners:
            cell.append("\nowners ", "dim")
            cell.append(", ".join(module.owners), "magenta")
        table.add_row(str(rank), str(module.depth), f"{module.score:.2f}", flags, cell)
    return [_indented(legend, width), Padding(table, (0, 0, 0, INDENT))]


def _columns(rows: Sequence[Row], right_aligned: set[int] | None = None) -> list[Text]:
    """Each row as one line, its cells padded to the widest of their column."""
    right_aligned = right_aligned or set()
    widths = [max(row[i].cell_len for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        line = Text()
        for index, (cell, width) in enumerate(zip(row, widths, strict=True)):
            if index:
                line.append(GAP)
            padding = " " * (width - cell.cell_len)
            if index in right_aligned:
                line.append(padding)
                line.append_text(cell)
            else:
                line.append_text(cell)
                line.append(padding)
        line.rstrip()
        lines.append(line)
    return lines


def _indented(text: Text, width: int, indent: int = INDENT) -> Text | Padding:
    """``text`` after ``indent`` spaces; wrapped lines keep the indent."""
    if indent + text.cell_len <= width:  # the common case, and ten times faster than Padding
        return Text(" " * indent) + text
    return Padding(text, (0, 0, 0, indent))


def _flag(value: bool, style: str) -> Text:
    return Text("yes", style) if value else Text("-", "dim")
