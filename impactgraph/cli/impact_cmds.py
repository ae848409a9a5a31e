"""``impactgraph impact`` and ``impactgraph tests``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from impactgraph.cli.app import (
    app,
    handle_errors,
    note,
    stdout_is_terminal,
    terminal_width,
    use_color,
    write_output,
)
from impactgraph.cli.options import (
    CacheDirOption,
    JobsOption,
    NoCacheOption,
    output_path,
    repo_session,
    write_binary_output,
)
from impactgraph.errors import ExitCode, RenderError, UsageError
from impactgraph.impact.fail_on import FailOn

_HERE = Path(".")


class ReportFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    MERMAID = "mermaid"
    DOT = "dot"
    SVG = "svg"
    PNG = "png"


class TestsFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


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




@app.command()
@handle_errors
def impact(
    base: BaseOption,
    repo: RepoOption = _HERE,
    head: HeadOption = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="Report format; svg/png need Graphviz's `dot`.")
    ] = ReportFormat.TEXT,
    max_depth: DepthOption = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when the condition holds (for CI)."),
    ] = None,
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="FILE", callback=output_path,
                                 help="Write the report here.")
    ] = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """What the changes between two revisions affect, ranked, with the call chains."""
    from impactgraph.app.pipeline import build_report
    from impactgraph.impact.fail_on import fails
    from impactgraph.render import RENDERERS, report_text

    if output_format in (ReportFormat.SVG, ReportFormat.PNG):
        _check_image_output(output_format, output)  # before the analysis, not after it
    with repo_session(repo, jobs, no_cache, cache_dir) as session:
        report = build_report(repo, base, head, max_depth, session=session)
    if output_format is ReportFormat.PNG:
        from impactgraph.render import report_svg

        write_binary_output(report_svg.image(report, "png"), output)
    elif output_format is ReportFormat.TEXT:
        text = report_text.render(
            report, color=use_color(output), width=terminal_width(output)
        )
        write_output(text, output)
    else:
        write_output(RENDERERS[output_format.value](report), output)
    if report.warnings:
        note(f"impactgraph: warning: {len(report.warnings)} file(s) could not be analysed "
             "(see the report)")
    note(f"impactgraph: {len(report.changes)} change(s), {len(report.affected)} affected "
         f"module(s), {len(report.tests)} test file(s); {report.stats.files_indexed} files "
         f"indexed in {report.stats.seconds:.2f} s", verbose=True)
    if fail_on is not None and fails(report, fail_on.value):
        raise typer.Exit(int(ExitCode.FAIL_ON))


@app.command()
@handle_errors
def tests(
    base: BaseOption,
    repo: RepoOption = _HERE,
    head: HeadOption = None,
    max_depth: DepthOption = None,
    output_format: Annotated[
        TestsFormat, typer.Option("--format", help="text (a path a line) or json (with reasons).")
    ] = TestsFormat.TEXT,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """The test files the changes can affect, one per line (for ``pytest $(...)``).

    ``--format json`` gives each file with its reasons (the chain that reaches it, or why the
    analysis failed open), and ``all``: every test file was selected for such a cause.
    """
    from impactgraph.app.pipeline import build_report

    with repo_session(repo, jobs, no_cache, cache_dir) as session:
        report = build_report(repo, base, head, max_depth, session=session)
    if output_format is TestsFormat.JSON:
        from impactgraph.render.report_json import dumps, tests_to_dict

        write_output(dumps(tests_to_dict(report)), None)
    elif report.tests:
        write_output("\n".join(report.tests), None)
    if report.all_tests:
        cause = f": {report.all_tests_reason}" if report.all_tests_reason else ""
        found = "" if report.test_reasons else " (no test files found)"
        note(f"impactgraph: every test file selected{found}, the analysis cannot vouch for a "
             f"change{cause}; see --format json")


def _check_image_output(output_format: ReportFormat, output: str | None) -> None:
    from impactgraph.adapters.graphviz import INSTALL_HINT, dot_available

    if output_format is ReportFormat.PNG and output in (None, "-") and _stdout_is_terminal():
        raise UsageError("PNG is binary: write it to a file with -o FILE (or redirect stdout)")
    if not dot_available():
        raise RenderError(INSTALL_HINT)


def _stdout_is_terminal() -> bool:
    return stdout_is_terminal()
