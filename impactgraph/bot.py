"""The pull-request bot: one sticky comment per job, always small enough for GitHub.

Pure logic: the GitHub client, the renderer, the environment and the event file are passed
in, so every rule here is testable without a network or a disk.

- ``upsert_comment`` finds the bot's comment by a hidden HTML marker on its first line and
  updates it, or creates it; an unchanged body (the analysis time in its footer aside) is not
  sent again, and a creation that failed in a way that may have gone through is looked for
  before it is sent again; a body GitHub refuses as too long (422) is sent once more,
  shortened by ``shorten``.
- ``fit_body`` shrinks the Markdown report in documented steps until it fits the limit.
- ``github_context`` reads what GitHub Actions provides (``GITHUB_*`` variables, the event
  file), with command-line flags taking precedence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple, Protocol

from impactgraph.adapters.github import (
    DEFAULT_API_URL,
    IssueComment,
    check_api_url,
    check_repository,
)
from impactgraph.errors import GitHubError, InputError, UsageError

MARKER = "<!-- impactgraph:{id} -->"
DEFAULT_MARKER_ID = "impact"
GITHUB_COMMENT_LIMIT = 65536  # characters; GitHub answers 422 above it

# Letters, digits, ``_`` and ``.``, with single dashes between: it must not end the HTML comment.
_MARKER_ID = re.compile(r"[A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+)*")


# -- the sticky comment -----------------------------------------------------------------------


class CommentsAPI(Protocol):
    """What the bot needs of GitHub (``adapters.github.GitHubClient`` provides it)."""

    def list_issue_comments(self, repository: str, number: int) -> Sequence[IssueComment]: ...

    def create_issue_comment(
        self,
        repository: str,
        number: int,
        body: str,
        *,
        find_posted: Callable[[], IssueComment | None] | None = None,
    ) -> IssueComment: ...

    def update_issue_comment(self, repository: str, comment_id: int, body: str) -> IssueComment: ...


class UpsertAction(str, Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class Upserted(NamedTuple):
    """A named tuple rather than a dataclass: callers unpack ``action, comment_id, url``."""

    action: UpsertAction
    comment_id: int
    url: str


def check_marker_id(marker_id: str) -> str:
    if not _MARKER_ID.fullmatch(marker_id):
        raise UsageError(
            f"--marker-id must be letters, digits, '_', '.' and single '-': {marker_id!r}"
        )
    return marker_id


def marker(marker_id: str = DEFAULT_MARKER_ID) -> str:
    return MARKER.format(id=check_marker_id(marker_id))


def with_marker(body: str, marker_id: str = DEFAULT_MARKER_ID) -> str:
    """``body`` with the marker as its first line (unchanged if it already has it)."""
    tag = marker(marker_id)
    if body == tag or body.startswith(tag + "\n"):
        return body
    return f"{tag}\n{body}"


def carries_marker(body: str, marker_id: str = DEFAULT_MARKER_ID) -> bool:
    """The marker must open the comment: a person quoting it further down is not the bot."""
    tag = marker(marker_id)
    first_line = body.lstrip().split("\n", 1)[0].rstrip("\r")
    return first_line.strip() == tag


def upsert_comment(
    client: CommentsAPI,
    repository: str,
    pr: int,
    body: str,
    marker_id: str = DEFAULT_MARKER_ID,
    *,
    shorten: Callable[[str, int], str] | None = None,
) -> Upserted:
    """Update this job's comment on pull request ``pr``, or create it.

    When several comments carry the marker (two jobs raced, or a PATCH failed half-way), the
    newest one is updated and the others are left alone: deleting comments is not ours to do.
    A creation that GitHub answered with 5xx, or whose answer was lost, may have gone through:
    the comments are listed again, and ours is sent again only when it is not there.

    ``body`` fits GitHub's limit as we count it (``fit_body``); should GitHub still refuse it
    as too long (422), ``shorten(body, GitHub's maximum)`` gives the body sent instead, once
    (see ``shorter_body``). A second refusal is the error.
    """
    full = with_marker(body, marker_id)

    def fitting(send: Callable[[str], IssueComment], text: str) -> tuple[IssueComment, str]:
        """What ``send`` returns, and the text it was given that GitHub took."""
        try:
            return send(text), text
        except GitHubError as error:
            maximum = too_long_maximum(error)
            if maximum is None or shorten is None:
                raise
            shorter = with_marker(shorten(text, maximum), marker_id)
            if comment_size(shorter) >= comment_size(text):  # nothing left to cut
                raise
            return send(shorter), shorter

    def newest_of_ours() -> IssueComment | None:
        ours = [
            c
            for c in client.list_issue_comments(repository, pr)
            if carries_marker(c.body, marker_id)
        ]
        return max(ours, key=lambda c: (c.created_at, c.id)) if ours else None

    newest = newest_of_ours()
    if newest is None:
        found: list[IssueComment] = []

        def look_again() -> IssueComment | None:
            again = newest_of_ours()
            if again is not None:
                found.append(again)
            return again

        created, sent = fitting(
            lambda text: client.create_issue_comment(
                repository, pr, text, find_posted=look_again
            ),
            full,
        )
        if found and created is found[-1] and _normalised(created.body) != _normalised(sent):
            # what was found is another run's comment with this marker (two jobs raced)
            raced = created.id
            updated, _ = fitting(
                lambda text: client.update_issue_comment(repository, raced, text), sent
            )
            return Upserted(UpsertAction.UPDATED, updated.id, updated.url or created.url)
        return Upserted(UpsertAction.CREATED, created.id, created.url)
    if _normalised(newest.body) == _normalised(full):
        return Upserted(UpsertAction.UNCHANGED, newest.id, newest.url)
    ours = newest.id
    updated, _ = fitting(lambda text: client.update_issue_comment(repository, ours, text), full)
    return Upserted(UpsertAction.UPDATED, updated.id, updated.url or newest.url)


# GitHub's 422 for a body over its limit: "Body is too long (maximum is 65536 characters)",
# in its ``errors`` list, which the client's message quotes ("GitHub said: ...").
_TOO_LONG = re.compile(r"\bbody\b[^.]{0,20}?\btoo long\b", re.IGNORECASE)
_MAXIMUM = re.compile(r"\bmaximum is ([0-9][0-9,]*)")


def too_long_maximum(error: GitHubError) -> int | None:
    """GitHub's maximum when ``error`` refused a comment body as too long, else None."""
    text = str(error)
    if error.status != 422 or not _TOO_LONG.search(text):
        return None
    stated = _MAXIMUM.search(text)
    maximum = int(stated.group(1).replace(",", "")) if stated else GITHUB_COMMENT_LIMIT
    return max(MIN_LIMIT, min(maximum, GITHUB_COMMENT_LIMIT))


# The report's footer ends with how long the analysis took (``· 0.41 s</sub>``): a rerun of
# the same change differs in it alone, which is no reason to edit the comment.
_ELAPSED = re.compile(r"^(<sub>.*) · [0-9]+(?:\.[0-9]+)? s(</sub>)$", re.MULTILINE)


def _normalised(body: str) -> str:
    return _ELAPSED.sub(r"\1\2", body.replace("\r\n", "\n").rstrip())


# -- fitting the size limit -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MarkdownOptions:
    """The knobs of ``render.markdown.render`` that trade completeness for size."""

    details: bool = True
    max_rows: int = 25
    graph: bool = True


ROW_STEPS = (10, 5, 3)  # table rows kept when cutting the long tables, in order
MIN_LIMIT = 512  # below this not even the marker and the note are sure to fit


def comment_size(text: str) -> int:
    """Length as GitHub may count it: UTF-16 code units, never fewer than characters."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def strict_size(text: str) -> int:
    """The largest length GitHub could count: UTF-8 bytes, each line break as two (CRLF)."""
    return len(text.encode("utf-8", "surrogatepass")) + text.count("\n")


def shorter_body(
    render: Callable[[MarkdownOptions], str],
    rejected: str,
    maximum: int = GITHUB_COMMENT_LIMIT,
    *,
    marker_id: str = DEFAULT_MARKER_ID,
) -> str:
    """The body to send once more after GitHub refused ``rejected`` as longer than ``maximum``.

    GitHub counted more than we did: the report is fitted to ``maximum`` by ``strict_size``,
    which counts at least as much as any way GitHub may count. Should ``rejected`` already fit
    that (GitHub counts in a way we cannot see), it is fitted to half its size instead. Either
    way it is the shortened report with its note, and shorter than ``rejected``.
    """
    limit = min(maximum, GITHUB_COMMENT_LIMIT)
    if strict_size(rejected) <= limit:
        limit = strict_size(rejected) // 2
    return fit_body(render, max(limit, MIN_LIMIT), marker_id=marker_id, size=strict_size)


def fit_body(
    render: Callable[[MarkdownOptions], str],
    limit: int = GITHUB_COMMENT_LIMIT,
    *,
    marker_id: str = DEFAULT_MARKER_ID,
    size: Callable[[str], int] = comment_size,
) -> str:
    """The comment body (marker included), at most ``limit`` long by ``size``, as complete as
    fits.

    Steps: the full report; without the ``<details>`` call chains; tables cut to 10, 5, 3 rows;
    without the graph; and as a last resort the smallest rendering cut at a line boundary.
    Every shortened body ends with a line saying what was left out.
    """
    if limit < MIN_LIMIT:
        raise ValueError(f"limit must be at least {MIN_LIMIT}")
    tag = marker(marker_id)
    options = MarkdownOptions()
    left_out: list[str] = []
    text = ""
    for step in _shrink_steps():
        if step is not None:
            options, what = step
            left_out.append(what)
        previous, text = text, render(options).rstrip()
        if step is not None and text == previous:  # nothing of that kind was there to leave out
            left_out.pop()
        candidate = f"{tag}\n{text}" + (_note(left_out) if left_out else "") + "\n"
        if size(candidate) <= limit:
            return candidate
    return _truncate(tag, text, left_out, limit, size)


def _shrink_steps() -> list[tuple[MarkdownOptions, str] | None]:
    steps: list[tuple[MarkdownOptions, str] | None] = [None]
    steps.append((MarkdownOptions(details=False), "the call chains"))
    steps.extend(
        (MarkdownOptions(details=False, max_rows=rows), f"table rows beyond the first {rows}")
        for rows in ROW_STEPS
    )
    steps.append((MarkdownOptions(details=False, max_rows=ROW_STEPS[-1], graph=False), "the graph"))
    return steps


def _note(left_out: Sequence[str]) -> str:
    # "table rows beyond the first 10", then "... first 5": only the last cut is news.
    shown: list[str] = []
    for what in left_out:
        if shown and what.startswith("table rows") and shown[-1].startswith("table rows"):
            shown[-1] = what
        else:
            shown.append(what)
    return (
        "\n\n> **Shortened** to fit GitHub's comment size limit: left out "
        + ", ".join(shown)
        + ". Run `impactgraph impact --format markdown` for the full report."
    )


def _truncate(
    tag: str, text: str, left_out: Sequence[str], limit: int, size: Callable[[str], int]
) -> str:
    lines = text.split("\n")
    # Room for the longest note this can need: line numbers are at most len(lines).
    worst_note = _note([*left_out, f"everything after line {len(lines)} of {len(lines)}"])
    newline = size("\n")  # 1, or 2 where a line break may count as CRLF
    budget = limit - size(tag) - size(worst_note) - 2 * newline  # marker line, final \n
    kept = used = 0
    fence_open, open_details = False, 0
    for line in lines:
        fence = fence_open != line.lstrip().startswith("```")
        details = open_details + line.count("<details") - line.count("</details>")
        closing = size(_closing(fence, details))
        cost = size(line) + newline
        if used + cost + closing > budget:
            break
        kept, used, fence_open, open_details = kept + 1, used + cost, fence, details
    note = _note([*left_out, f"everything after line {kept} of {len(lines)}"])
    body = "\n".join(lines[:kept]) + _closing(fence_open, open_details)
    result = f"{tag}\n{body}{note}\n"
    if size(result) > limit:  # a note longer than the budget: keep the marker only
        result = f"{tag}\n> Shortened: the report is too long for a comment.\n"
    return result


def _closing(fence_open: bool, open_details: int) -> str:
    """What closes an open code fence and open ``<details>`` blocks at the cut."""
    return ("\n```" if fence_open else "") + "\n</details>" * max(open_details, 0)


# -- configuration from GitHub Actions -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PullRequestTarget:
    """Where the comment goes. ``repr`` leaves the token out, so it cannot leak in a traceback."""

    api_url: str
    repository: str
    number: int
    token: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class GitHubContext:
    base: str | None  # --base, else the pull request's base commit from the event
    head: str | None  # --head only: see ``github_context``
    event_head_sha: str | None  # the pull request's head commit, for messages
    target: PullRequestTarget | None  # None only for a dry run that lacks something


def github_context(
    env: Mapping[str, str],
    read_file: Callable[[str], str],
    *,
    github_repo: str | None = None,
    pr: int | None = None,
    base: str | None = None,
    head: str | None = None,
    dry_run: bool = False,
) -> GitHubContext:
    """Flags first, then ``GITHUB_*`` variables and the ``pull_request`` event file.

    ``head`` is not taken from the event: on a ``pull_request`` event ``actions/checkout``
    checks out the merge of the branch into its base, and comparing the base commit with that
    working tree shows exactly what the merge changes, even when the base branch has moved
    on since the branch was made (comparing base and head commits would show the base
    branch's newer changes reversed).

    A dry run needs no token, repository or number; anything else missing is a ``UsageError``.
    """
    event = _read_event(env, read_file)
    raw_pull = event.get("pull_request")
    pull: dict[str, Any] = raw_pull if isinstance(raw_pull, dict) else {}
    number = pr if pr is not None else _event_number(event, pull)
    base = base or _sha(pull, "base") or None
    repository = github_repo or env.get("GITHUB_REPOSITORY") or None
    token = env.get("GITHUB_TOKEN") or None
    api_url = check_api_url(env.get("GITHUB_API_URL") or DEFAULT_API_URL)

    if number is not None and number < 1:
        raise UsageError(f"not a pull request number: {number}")
    if repository is not None:
        check_repository(repository)
    target = None
    if repository and number is not None and token:
        target = PullRequestTarget(api_url, repository, number, token)
    elif not dry_run:
        if repository is None:
            raise UsageError(
                "no repository: pass --github-repo OWNER/NAME or set GITHUB_REPOSITORY"
            )
        if number is None:
            name = env.get("GITHUB_EVENT_NAME")
            where = f" (the {name} event has none)" if name else ""
            raise UsageError(f"no pull request number{where}: pass --pr N")
        raise UsageError(
            "GITHUB_TOKEN is not set: the comment cannot be posted (use --dry-run to print it)"
        )
    return GitHubContext(base=base, head=head, event_head_sha=_sha(pull, "head"), target=target)


def _read_event(env: Mapping[str, str], read_file: Callable[[str], str]) -> dict[str, Any]:
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return {}
    try:
        text = read_file(path)
    except UnicodeDecodeError as error:
        raise InputError(f"GITHUB_EVENT_PATH is not UTF-8 text: {error.reason}", path) from None
    except OSError as error:
        raise InputError(
            f"cannot read GITHUB_EVENT_PATH: {error.strerror or error}", path
        ) from None
    try:
        event = json.loads(text)
    except ValueError as error:
        raise InputError(f"GITHUB_EVENT_PATH is not JSON: {error}", path) from None
    except RecursionError:
        raise InputError("GITHUB_EVENT_PATH holds JSON nested too deeply", path) from None
    if not isinstance(event, dict):
        raise InputError("GITHUB_EVENT_PATH does not hold a JSON object", path)
    return event


def _event_number(event: Mapping[str, Any], pull: Mapping[str, Any]) -> int | None:
    for value in (pull.get("number"), event.get("number")):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _sha(pull: Mapping[str, Any], side: str) -> str | None:
    ref = pull.get(side)
    sha = ref.get("sha") if isinstance(ref, dict) else None
    return sha if isinstance(sha, str) and sha else None
