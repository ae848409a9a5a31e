"""``impactgraph comment``: the impact report as one sticky comment on a pull request."""

from __future__ import annotations

import errno
import math
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer

from impactgraph.cli.app import app, handle_errors, write_output
from impactgraph.cli.options import (
    CacheDirOption,
    JobsOption,
    NoCacheOption,
    repo_session,
    warn,
)
from impactgraph.errors import ExitCode, GitError, UsageError
from impactgraph.impact.fail_on import FailOn

_HERE = Path(".")
# ``bot.DEFAULT_MARKER_ID``, spelled here: the bot, the GitHub adapter and httpx load only
# when this command runs, not with every other command (a tenth of a second)
DEFAULT_MARKER_ID = "impact"


@app.command()
@handle_errors
def comment(
    repo: Annotated[Path, typer.Option("--repo", help="The git repository to analyse.")] = _HERE,
    base: Annotated[
        str | None,
        typer.Option("--base", metavar="REV", help="Default: the PR base commit, from the event."),
    ] = None,
    head: Annotated[
        str | None, typer.Option("--head", metavar="REV", help="Default: the working tree.")
    ] = None,
    github_repo: Annotated[
        str | None,
        typer.Option("--github-repo", metavar="OWNER/NAME", help="Default: $GITHUB_REPOSITORY."),
    ] = None,
    pr: Annotated[
        int | None,
        typer.Option("--pr", metavar="N", min=1, help="Default: the PR of the event."),
    ] = None,
    marker_id: Annotated[
        str, typer.Option("--marker-id", metavar="ID", help="Keeps one comment per job.")
    ] = DEFAULT_MARKER_ID,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the comment body instead of sending it.")
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 (after posting) when the condition holds."),
    ] = None,
    max_depth: Annotated[int | None, typer.Option("--max-depth", metavar="N", min=1)] = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Post the impact report on a pull request as one comment, updated on every run.

    The token comes from GITHUB_TOKEN. Repository, pull request and base commit default to
    those of the GitHub Actions event (GITHUB_REPOSITORY, GITHUB_EVENT_PATH).
    """
    # Written by other modules of the pipeline; imported here so this command module loads
    # (and registers) on its own.
    import httpx

    from impactgraph.adapters.github import GitHubClient
    from impactgraph.app.pipeline import build_report
    from impactgraph.bot import (
        MarkdownOptions,
        check_marker_id,
        fit_body,
        github_context,
        shorter_body,
        upsert_comment,
    )
    from impactgraph.impact.fail_on import fails
    from impactgraph.render.markdown import render

    check_marker_id(marker_id)
    context = github_context(
        os.environ,
        _read_text,
        github_repo=github_repo,
        pr=pr,
        base=base,
        head=head,
        dry_run=dry_run,
    )
    if context.base is None:
        raise UsageError("no base revision: pass --base REV (or run on a pull_request event)")
    try:
        # the same summary and graph cache as `impact`: a CI job that restores it
        # (action.yml) links only what the pull request changed
        with repo_session(repo, jobs, no_cache, cache_dir) as session:
            report = build_report(repo, context.base, context.head, max_depth, session=session)
    except GitError as error:
        if error.revision != context.base or error.shallow:  # it already says how to fix it
            raise
        raise GitError(
            f"{error} (a shallow clone? the base commit must be there: "
            "in GitHub Actions, check out with `fetch-depth: 0`)",
            error.revision,
        ) from error

    def render_with(options: MarkdownOptions) -> str:
        text: str = render(
            report, details=options.details, max_rows=options.max_rows, graph=options.graph
        )
        return text

    body = fit_body(render_with, marker_id=marker_id)
    if dry_run:
        write_output(body, None)
    else:
        target = context.target
        if target is None:  # github_context guarantees a target unless dry_run
            raise UsageError("no pull request to comment on")
        deadline = _deadline(os.environ)

        def shorten(rejected: str, maximum: int) -> str:
            warn("GitHub refused the comment as too long (422): sending it once more, shortened")
            return shorter_body(render_with, rejected, maximum, marker_id=marker_id)

        try:
            with httpx.Client() as http:
                client = GitHubClient(http, target.token, api_url=target.api_url, deadline=deadline)
                action, _, url = upsert_comment(
                    client, target.repository, target.number, body, marker_id, shorten=shorten
                )
        except Exception:  # GitHubError, or a bug of ours (exit 4)
            # The report is made: it still reaches the job's log (a read-only token on a
            # fork's pull request, GitHub down), then the error line and its exit code.
            write_output(body, None)
            raise
        typer.echo(f"impactgraph: comment {action.value}: {url}", err=True)

    if fail_on is not None and fails(report, fail_on.value):
        raise typer.Exit(int(ExitCode.FAIL_ON))


def _deadline(env: Mapping[str, str]) -> float:
    """Seconds for each call to GitHub, retries included: IMPACTGRAPH_GITHUB_DEADLINE or 60."""
    from impactgraph.adapters.github import DEFAULT_DEADLINE

    raw = env.get("IMPACTGRAPH_GITHUB_DEADLINE")
    if not raw:
        return DEFAULT_DEADLINE
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise UsageError(f"IMPACTGRAPH_GITHUB_DEADLINE must be a number of seconds > 0: {raw!r}")
    return seconds


# GitHub caps webhook payloads at 25 MB; an event file larger than this is not one.
MAX_EVENT_BYTES = 64 * 1024 * 1024


def _read_text(path: str) -> str:
    """The event file; ``OSError``/``UnicodeDecodeError`` become one line in ``github_context``.

    Only a regular file is read (a FIFO would block, /dev/zero would never end), and at most
    ``MAX_EVENT_BYTES`` of it.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file", path)
    with open(path, "rb") as stream:
        data = stream.read(MAX_EVENT_BYTES + 1)
    if len(data) > MAX_EVENT_BYTES:
        raise OSError(errno.EFBIG, f"larger than {MAX_EVENT_BYTES // 1024 // 1024} MiB", path)
    return data.decode("utf-8")
