"""``impactgraph impact`` and ``impactgraph tests``."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from impactgraph.cli.app import FailOn, app, handle_errors, write_output
from impactgraph.errors import ExitCode

_HERE = Path(".")


class ReportFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MERMAID = "mermaid"
    DOT = "dot"
    SVG = "svg"


RepoOption = Annotated[Path, typer.Option("--repo", help="The git repository to analyse.")]
BaseOption = Annotated[
    str, typer.Option("--base", metavar="REV", help="The revision to compare against.")
]
HeadOption = Annotated[
    str | None,
    typer.Option(
        "--head", metavar="REV", help="The revision to analyse; default: the working tree."
    ),
]
DepthOption = Annotated[
    int | None,
    typer.Option("--max-depth", metavar="N", min=1, help="Follow calls at most N steps."),
]


def _use_color(output: str | None) -> bool:
    return output in (None, "-") and sys.stdout.isatty() and "NO_COLOR" not in os.environ


@app.command()
@handle_errors
def impact(
    base: BaseOption,
    repo: RepoOption = _HERE,
    head: HeadOption = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="Report format.")
    ] = ReportFormat.TEXT,
    max_depth: DepthOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when the condition holds (for CI)."),
    ] = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="FILE", help="Write the report here.")
    ] = None,
) -> None:
    """What the changes between two revisions affect, ranked, with the call chains."""
    from impactgraph.impact.pipeline import build_report, fails
    from impactgraph.render import RENDERERS, report_text

    report = build_report(repo, base, head, max_depth)
    if output_format is ReportFormat.TEXT:
        text = report_text.render(report, color=_use_color(output))
    else:
        text = RENDERERS[output_format.value](report)
    write_output(text, output)
    if report.warnings:
        typer.echo(
            f"impactgraph: {len(report.warnings)} file(s) could not be analysed (see the report)",
            err=True,
        )
    if fail_on is not None and fails(report, fail_on.value):
        raise typer.Exit(int(ExitCode.FAIL_ON))


@app.command()
@handle_errors
def tests(
    base: BaseOption,
    repo: RepoOption = _HERE,
    head: HeadOption = None,
    max_depth: DepthOption = None,
) -> None:
    """The test files the changes can affect, one per line (for ``pytest $(...)``)."""
    from impactgraph.impact.pipeline import build_report
    report = build_report(repo, base, head, max_depth)
    if report.tests:
        write_output("\n".join(report.tests), None)
