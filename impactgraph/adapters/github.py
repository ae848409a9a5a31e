"""GitHub REST client for issue comments: the only place of impactgraph that speaks HTTP.

The ``httpx.Client`` is passed in, so tests can point it at a local server; ``sleep`` and
``clock`` are passed in, so tests of backoff and rate limits never wait.

Failures are bounded and end in one ``GitHubError`` line:

- 5xx answers, connection errors and timeouts are retried with exponential backoff (a 5xx
  with ``Retry-After`` waits at least that long; one asking for more than ``max_wait`` ends
  the call at once, saying when to try again); a POST
  that may have reached GitHub (a 5xx answer, a connection lost after sending) is sent again
  only when ``find_posted`` looked for the comment after the backoff and did not find it; one
  that timed out is looked for, but never sent again (GitHub may still be creating it);
- a rate-limit answer (403/429 with ``Retry-After``, or ``X-RateLimit-Remaining: 0`` with
  ``X-RateLimit-Reset``) waits as long as GitHub asks; a limit that lifts only after more
  than ``max_wait`` ends the call at once (GitHub: no retry before the reset);
- a secondary rate limit that does not say how long (403/429 saying "rate limit" or "abuse")
  waits as GitHub documents: a minute, then twice as long each time it comes again in this
  run, so with ``max_wait`` at 60 s the second one ends the run, saying when to try again;
- the waits GitHub asks for add up to at most ``max_total_wait`` per client (a run);
- 401, 403, 404 and 422 are not retried: they cannot get better by themselves;
- each call (its attempts, their redirects and whole answers, the backoff between them) gets
  an overall ``deadline``: httpx's timeouts bound each read only, so a server that sends a
  byte every few seconds, or never answers at all, would hold the run for long;
- an answer larger than ``max_body`` bytes, a redirect loop, and a body that is not UTF-8 JSON
  or nested too deeply to parse each end in one ``GitHubError`` line too.

The token lives in one private attribute and in the ``Authorization`` header of each request;
it is never formatted into a message, and every message is scrubbed of it besides, in case
GitHub (or a proxy) ever echoes it back.
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from impactgraph.errors import GitHubError, UsageError

DEFAULT_API_URL = "https://api.github.com"
PER_PAGE = 100
MAX_PAGES = 1000  # 100,000 comments: a loop guard against a server that links to itself
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_DEADLINE = 60.0  # seconds for one call: its attempts, redirects, answers and backoff
# GitHub, on a secondary rate limit without Retry-After: "wait for at least one minute before
# retrying", then "an exponentially increasing amount of time between retries".
SECONDARY_LIMIT_WAIT = 60.0
# A page of 100 comments of 65,536 characters each, JSON-escaped, stays well below this.
MAX_BODY_BYTES = 64 * 1024 * 1024

_REPOSITORY = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_MESSAGE_LIMIT = 300
# Failures that happen before a request reaches GitHub: safe to retry even a POST.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True, slots=True)
class IssueComment:
    id: int
    body: str
    url: str  # the comment's page on GitHub (``html_url``)
    created_at: str = ""  # ISO 8601, as GitHub sends it


def check_repository(repository: str) -> str:
    """``OWNER/NAME`` or a ``UsageError``; the name goes into URL paths, so it is checked."""
    if not _REPOSITORY.fullmatch(repository) or ".." in repository:
        raise UsageError(f"not a GitHub repository name (expected OWNER/NAME): {repository!r}")
    return repository


def check_api_url(api_url: str) -> str:
    """The API base URL without a trailing slash; plain http only on loopback (tests).

    Sending the token in clear text over a network is refused rather than done quietly, and
    so is a URL with credentials in it (errors print the URL).
    """
    try:
        url = httpx.URL(api_url)
    except httpx.InvalidURL as error:
        raise UsageError(f"GITHUB_API_URL is not a URL: {api_url!r} ({error})") from None
    if url.userinfo:  # printed in errors, a password or token there would reach the log
        raise UsageError("GITHUB_API_URL must not hold credentials (user:password@host): "
                         "the token is read from GITHUB_TOKEN")
    if url.scheme in ("http", "https") and not url.host:
        raise UsageError(f"GITHUB_API_URL has no host: {api_url!r}")
    if url.scheme == "https" or (url.scheme == "http" and url.host in _LOOPBACK_HOSTS):
        return api_url.rstrip("/")
    if url.scheme == "http":
        raise UsageError(f"refusing to send the token over plain http: GITHUB_API_URL={api_url}")
    raise UsageError(f"GITHUB_API_URL must be an https URL: {api_url!r}")


class GitHubClient:
    """Lists, creates and updates the issue comments of a pull request."""

    def __init__(
        self,
        http: httpx.Client,
        token: str,
        *,
        api_url: str = DEFAULT_API_URL,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_body: int = MAX_BODY_BYTES,
        max_attempts: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        max_total_wait: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if not (math.isfinite(deadline) and deadline > 0):
            raise ValueError("deadline must be a positive number of seconds")
        self._http = http
        self._token = token
        self._api_url = check_api_url(api_url)
        self._origin = _origin(httpx.URL(self._api_url))
        self._timeout = timeout
        self._deadline = deadline
        self._max_body = max_body
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._max_wait = max_wait
        # every wait GitHub asks for, over all calls of this client: 3 of the longest
        self._max_total_wait = 3 * max_wait if max_total_wait is None else max_total_wait
        self._waited = 0.0
        self._unsaid_limits = 0  # rate limits without a time that this client waited out
        self._sleep = sleep
        self._clock = clock

    def __repr__(self) -> str:  # never the token
        return f"GitHubClient(api_url={self._api_url!r})"

    # -- the three calls -------------------------------------------------------------------

    def list_issue_comments(self, repository: str, number: int) -> tuple[IssueComment, ...]:
        """Every comment of issue / pull request ``number``, oldest first, over all pages."""
        check_repository(repository)
        what = f"the comments of {repository}#{number}"
        url: str | None = (
            f"{self._api_url}/repos/{repository}/issues/{number}/comments?per_page={PER_PAGE}"
        )
        comments: list[IssueComment] = []
        seen: set[str] = set()
        known: set[int] = set()  # the ids listed so far
        while url is not None:
            if url in seen:
                raise GitHubError(f"GitHub's next-page links for {what} go round in a loop")
            if len(seen) == MAX_PAGES:
                raise GitHubError(f"too many pages of comments for {what} (more than {MAX_PAGES})")
            seen.add(url)
            response = self._send("GET", url, what=what)
            page = self._json(response, what)
            if not isinstance(page, list):
                raise GitHubError(f"unexpected answer from GitHub for {what}: not a list")
            fresh = [_comment(item, what) for item in page]
            if fresh and all(comment.id in known for comment in fresh):
                # a server that ignores ``page`` but links on: the same comments under new
                # links, a thousand times (real pages shift by a few at most, never a whole one)
                raise GitHubError(
                    f"GitHub's next-page links for {what} go round in a loop (a page of "
                    "comments already listed)"
                )
            comments.extend(fresh)
            known.update(comment.id for comment in fresh)
            url = self._next_page(response, what)
        return tuple(comments)

    def create_issue_comment(
        self,
        repository: str,
        number: int,
        body: str,
        *,
        find_posted: Callable[[], IssueComment | None] | None = None,
    ) -> IssueComment:
        """Create the comment. A failure that may have created it anyway (GitHub answered 5xx,
        the connection was lost after the request went out) is retried only through
        ``find_posted``: after the backoff it looks for the comment, and what it finds is the
        result; only when it finds nothing is the comment sent again. A request that timed out
        may still be running at GitHub: it is looked for at once and never sent again. Without
        ``find_posted`` such a failure is one ``GitHubError`` at once: a blind retry could post
        it twice. A success whose answer is unusable is looked for too (not sent again).
        """
        check_repository(repository)
        what = f"a new comment on {repository}#{number}"
        url = f"{self._api_url}/repos/{repository}/issues/{number}/comments"
        try:
            response = self._send(
                "POST", url, what=what, json={"body": body}, find_posted=find_posted
            )
        except _Posted as gone_through:
            return gone_through.comment
        try:
            return _comment(self._json(response, what), what)
        except GitHubError:
            # 2xx: created, but the answer (a proxy's page, no id) does not say as what
            found = find_posted() if find_posted is not None else None
            if found is None:
                raise
            return found

    def update_issue_comment(self, repository: str, comment_id: int, body: str) -> IssueComment:
        check_repository(repository)
        what = f"comment {comment_id} of {repository}"
        url = f"{self._api_url}/repos/{repository}/issues/comments/{comment_id}"
        response = self._send("PATCH", url, what=what, json={"body": body})
        try:
            return _comment(self._json(response, what), what)
        except GitHubError:
            # 2xx: updated, but the answer (a proxy's page, a 204) does not say so again
            return IssueComment(id=comment_id, body=body, url="")

    # -- transport: retries, rate limits, errors -----------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self._token}",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "impactgraph",
        }

    def _send(
        self,
        method: str,
        url: str,
        *,
        what: str,
        json: dict[str, Any] | None = None,
        find_posted: Callable[[], IssueComment | None] | None = None,
    ) -> httpx.Response:
        """One call with its retries. ``find_posted`` (POST only) looks, after the backoff, for
        what an attempt that may have reached GitHub created; if found, ``_Posted`` is raised."""
        # One deadline for the whole call: its attempts, their redirects and whole answers, and
        # the backoff between them (not the waits GitHub asks for: those extend it).
        ends = time.monotonic() + self._deadline
        attempt = 0
        while True:
            attempt += 1
            last = attempt >= self._max_attempts
            try:
                response = self._exchange(method, url, json, ends)
            except _Deadline:
                maybe = ""
                if method == "POST":
                    maybe = "; it may have been created: run again to update it"
                raise self._error(
                    f"GitHub did not answer in time for {what} (no complete answer within "
                    f"{self._deadline:g} s, {attempt} attempt{'s' if attempt > 1 else ''}){maybe}",
                    None,
                ) from None
            except _TooLarge:
                raise self._error(
                    f"GitHub's answer for {what} is larger than {self._max_body:,} bytes; "
                    "not read",
                    None,
                ) from None
            except _ForeignRedirect:
                raise self._error(
                    f"GitHub redirected {what} to another host; not followed (the token would "
                    "go with it)",
                    None,
                ) from None
            except httpx.TooManyRedirects:
                raise self._error(
                    f"GitHub redirected too many times for {what} (a redirect loop?)", None
                ) from None
            except httpx.TransportError as error:
                kind = "timed out" if isinstance(error, httpx.TimeoutException) else "failed"
                maybe_sent = method == "POST" and not isinstance(error, _NOT_SENT)
                # No answer in time: GitHub may still be creating it, so a comment that is not
                # there yet is no sign that it will not be. Looked for once, never sent again.
                still_running = isinstance(error, httpx.TimeoutException)
                if maybe_sent and still_running:
                    _raise_if_posted(find_posted)
                if maybe_sent and (find_posted is None or still_running):
                    # The comment may exist now; a blind retry could post it twice.
                    raise self._error(
                        f"request to GitHub {kind} while creating {what} ({type(error).__name__});"
                        " it may have been created: run again to update it",
                        None,
                    ) from None
                delay = self._backoff_delay(attempt)
                if last or time.monotonic() + delay >= ends:
                    reason = (
                        f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
                    )
                    raise self._error(
                        f"cannot reach GitHub at {self._api_url} for {what}: request {kind} "
                        f"{attempt} times ({_one_line(reason)})",
                        None,
                    ) from None
                self._sleep(delay)
                if maybe_sent:
                    _raise_if_posted(find_posted)
                continue
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                # A body that cannot be decoded (bad gzip), a redirect to a malformed URL, …
                raise self._error(
                    f"unusable answer from GitHub for {what} "
                    f"({_one_line(f'{type(error).__name__}: {error}')})",
                    None,
                ) from None

            status = response.status_code
            if status < 300:
                return response
            limit = self._rate_limit_wait(response)
            if limit is not None:
                wait, said = limit
                if last or wait > self._max_wait or self._waited + wait > self._max_total_wait:
                    raise self._error(
                        self._rate_limit_message(response, what, wait, last, said), status
                    )
                self._sleep(wait)
                self._waited += wait
                if not said:
                    self._unsaid_limits += 1
                ends += wait
                continue
            if status >= 500:
                if method == "POST" and find_posted is None:
                    raise self._error(
                        f"GitHub failed ({status}) on {what}; it may have been created: "
                        "run again to update it",
                        status,
                    )
                # A 503 for maintenance or overload may say when to come back: not before then.
                asked = self._retry_after(response)
                delay = max(self._backoff_delay(attempt), asked or 0.0)
                gives_up = last or (asked is None and time.monotonic() + delay >= ends)
                too_long = asked is not None and (
                    asked > self._max_wait or self._waited + asked > self._max_total_wait
                )
                if method == "POST" and (gives_up or too_long):
                    # this attempt may have been the one that went through: no need to fail
                    _raise_if_posted(find_posted)
                if asked is not None and too_long:
                    longer = (
                        f"longer than this run waits ({self._max_wait:g} s)"
                        if asked > self._max_wait
                        else f"after {self._waited:.0f} s of waiting in this run"
                    )
                    raise self._error(
                        f"GitHub failed ({status}) on {what} and asks to wait {_duration(asked)}, "
                        f"{longer}: {_try_again(self._clock(), asked)}",
                        status,
                    )
                # the wait GitHub asked for extends the deadline, as a rate limit's does
                if gives_up:
                    asking = f" (it asks to wait {_duration(asked)})" if asked is not None else ""
                    raise self._error(
                        f"GitHub failed {attempt} times ({status}) on {what}{asking}; "
                        "try again later",
                        status,
                    )
                self._sleep(delay)
                if asked is not None:
                    self._waited += delay
                    ends += delay
                if method == "POST":
                    _raise_if_posted(find_posted)
                continue
            raise self._error(_status_message(response, what, write=method != "GET"), status)

    def _exchange(
        self, method: str, url: str, json: dict[str, Any] | None, deadline: float
    ) -> httpx.Response:
        """One request with its redirects and its whole body, by ``deadline`` (monotonic).

        The request runs on a daemon thread that the caller waits for until the deadline:
        that bounds every phase (connecting, a header sent a byte at a time, a body that
        drips). On time-out the thread is left to end by itself, which it does at its next
        chunk (it checks the deadline too) or read timeout.
        """
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Deadline
        box: dict[str, Any] = {}
        done = threading.Event()

        def exchange() -> None:
            try:
                box["response"] = self._receive(method, url, json, deadline)
            except BaseException as error:  # handed to the waiting thread
                box["error"] = error
            finally:
                done.set()

        threading.Thread(target=exchange, name="impactgraph-github", daemon=True).start()
        if not _wait(done, deadline):
            raise _Deadline
        if "error" in box:
            raise box["error"]
        response: httpx.Response = box["response"]
        return response

    def _receive(
        self, method: str, url: str, json: dict[str, Any] | None, deadline: float
    ) -> httpx.Response:
        """The answer, after the redirects of a renamed repository: httpx follows them for a
        GET; a write is followed here, with its method and body (httpx would turn a POST
        redirected by 301/302 into a GET, and the comment would be lost), and only on the
        API's own host (the token goes with it)."""
        response = self._receive_one(method, url, json, deadline)
        redirects = 0
        while method != "GET" and response.status_code in _WRITE_REDIRECTS:
            location = response.headers.get("Location")
            if not location:
                return response
            target = response.request.url.join(location)
            if _origin(target) != self._origin:
                raise _ForeignRedirect
            redirects += 1
            if redirects > self._http.max_redirects:
                raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.",
                                             request=response.request)
            response = self._receive_one(method, str(target), json, deadline)
        return response

    def _receive_one(
        self, method: str, url: str, json: dict[str, Any] | None, deadline: float
    ) -> httpx.Response:
        with self._http.stream(
            method,
            url,
            json=json,
            headers=self._headers(),
            timeout=self._timeout,
            follow_redirects=method == "GET",  # writes: see ``_receive``
        ) as streamed:
            declared = _number(streamed.headers.get("Content-Length"))
            if declared is not None and declared > self._max_body:
                raise _TooLarge
            chunks: list[bytes] = []
            size = 0
            for chunk in streamed.iter_bytes():  # decoded: a gzip bomb counts as what it is
                size += len(chunk)
                if size > self._max_body:
                    raise _TooLarge
                if time.monotonic() > deadline:
                    raise _Deadline
                chunks.append(chunk)
        # The body is read and decoded: a response that holds it, without the headers that
        # would have it decoded a second time.
        headers = [
            (name, value)
            for name, value in streamed.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            streamed.status_code,
            headers=headers,
            content=b"".join(chunks),
            request=streamed.request,
        )

    def _backoff_delay(self, attempt: int) -> float:
        return float(min(self._backoff * 2 ** (attempt - 1), self._max_wait))

    def _retry_after(self, response: httpx.Response) -> float | None:
        """Seconds ``Retry-After`` asks for (at least 0), or None when absent or unreadable."""
        asked = _retry_after_seconds(response.headers.get("Retry-After"), self._clock())
        return None if asked is None else max(asked, 0.0)

    def _rate_limit_wait(self, response: httpx.Response) -> tuple[float, bool] | None:
        """(seconds to wait before a retry, uncapped; whether GitHub said how long), or None
        if the answer is no rate limit."""
        if response.status_code not in (403, 429):
            return None
        headers = response.headers
        retry_after = self._retry_after(response)
        exhausted = headers.get("X-RateLimit-Remaining") == "0"
        reset_wait = None
        if exhausted:
            reset = _number(headers.get("X-RateLimit-Reset"))
            if reset is not None:
                reset_wait = max(reset - self._clock(), 1.0)
        if retry_after is not None or reset_wait is not None:
            # both: GitHub says not before either, so not before the later one
            return max(retry_after or 0.0, reset_wait or 0.0), True
        if exhausted or response.status_code == 429 or _secondary_limit(response):
            # no time given: a minute, twice as long each time it comes again in this run
            return SECONDARY_LIMIT_WAIT * 2**self._unsaid_limits, False
        return None

    def _rate_limit_message(
        self, response: httpx.Response, what: str, wait: float, last: bool, said: bool
    ) -> str:
        status = response.status_code
        now = self._clock()
        reset = _number(response.headers.get("X-RateLimit-Reset"))
        when = ""
        if reset is not None and response.headers.get("X-RateLimit-Remaining") == "0":
            with contextlib.suppress(OverflowError, OSError, ValueError):  # a nonsense time
                when = f"; it resets at {time.strftime('%H:%M:%S UTC', time.gmtime(reset))}"
        if last:
            return (
                f"GitHub rate limit still exceeded ({status}) on {what}"
                f"{when or '; ' + _try_again(now, wait)}"
            )
        if wait <= self._max_wait:  # only the run's waits in all are used up
            return (
                f"GitHub rate limit exceeded again ({status}) on {what} after {self._waited:.0f} s "
                f"of waiting in this run; GitHub asks for {_duration(wait)} more: "
                f"{_try_again(now, wait)}"
            )
        # It lifts later than this client waits: retrying earlier is what GitHub asks
        # integrations not to do, and would only use up the job's time.
        if when and (self._retry_after(response) or 0.0) <= (reset or 0.0) - now:
            later = f"{when}, more than {self._max_wait:g} s from now: try again then"
        elif said:
            later = f"; GitHub asks to wait {_duration(wait)}: {_try_again(now, wait)}"
        elif self._unsaid_limits:
            later = (
                f" again after a wait of {SECONDARY_LIMIT_WAIT * 2 ** (self._unsaid_limits - 1):g}"
                f" s; GitHub asks to wait longer each time ({_duration(wait)} now): "
                f"{_try_again(now, wait)}"
            )
        else:
            later = (
                f"; GitHub asks to wait at least {_duration(wait)}, longer than this run waits "
                f"({self._max_wait:g} s): {_try_again(now, wait)}"
            )
        return f"GitHub rate limit exceeded ({status}) on {what}{later}"

    def _next_page(self, response: httpx.Response, what: str) -> str | None:
        try:
            next_url = response.links.get("next", {}).get("url")
            # A relative link (RFC 8288 allows one) is read against the page that sent it.
            target = response.request.url.join(next_url) if next_url else None
        except (httpx.InvalidURL, ValueError):
            raise self._error(f"GitHub's next-page link for {what} is not a URL", None) from None
        if target is None:
            return None
        # The Authorization header follows the link: it must stay on the API's own host.
        if _origin(target) != self._origin:
            raise self._error(
                f"GitHub's next-page link for {what} leads to another host; not followed", None
            )
        return str(target)

    def _json(self, response: httpx.Response, what: str) -> Any:
        try:
            return _parse_json(response)
        except ValueError as error:
            raise self._error(
                f"unexpected answer from GitHub for {what}: {error} ({response.status_code})",
                response.status_code,
            ) from None

    def _error(self, message: str, status: int | None) -> GitHubError:
        if self._token:
            message = message.replace(self._token, "***")
        return GitHubError(message, status)


def _status_message(response: httpx.Response, what: str, *, write: bool = False) -> str:
    status = response.status_code
    detail = _github_message(response)
    said = f" GitHub said: {detail}" if detail else ""
    if status == 401:
        return f"GitHub rejected the token ({status}): check GITHUB_TOKEN"
    if status == 403:
        # A token that can read the comments but not write them: most often a pull request
        # from a fork (or Dependabot's), whose workflow token is read-only whatever it asks.
        fork = ", and a pull request from a fork only gets a read-only token" if write else ""
        return (
            f"GitHub refused access to {what} ({status}): the token lacks permission; a workflow "
            f"needs `permissions: pull-requests: write`{fork}.{said}"
        )
    if status == 404:
        return (
            f"pull request or repository not found, or the token cannot see it ({status}): {what}"
        )
    if status == 422:
        return f"GitHub rejected {what} ({status}).{said}"
    return f"unexpected answer from GitHub for {what} ({status}).{said}"


class _Deadline(Exception):
    """A request did not complete within its overall deadline."""


class _Posted(Exception):
    """A POST that failed in a way that may have reached GitHub turned out to have gone through."""

    def __init__(self, comment: IssueComment) -> None:
        super().__init__(comment)
        self.comment = comment


def _raise_if_posted(find_posted: Callable[[], IssueComment | None] | None) -> None:
    comment = find_posted() if find_posted is not None else None
    if comment is not None:
        raise _Posted(comment)


class _ForeignRedirect(Exception):
    """A write redirected off the API's host."""


# 303 is left out: it says "done, see there", not "send it there".
_WRITE_REDIRECTS = frozenset({301, 302, 307, 308})


class _TooLarge(Exception):
    """An answer larger than ``max_body``."""


def _parse_json(response: httpx.Response) -> Any:
    """The body as JSON; ``ValueError`` saying why not (not UTF-8, not JSON, nested too deep)."""
    try:
        text = response.content.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    try:
        return json.loads(text)
    except ValueError:
        raise ValueError("not JSON") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _one_line(text: str, limit: int = _MESSAGE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _secondary_limit(response: httpx.Response) -> bool:
    """GitHub's message for a secondary rate limit (once called abuse detection)."""
    message = _github_message(response).lower()
    return "rate limit" in message or "abuse" in message


def _github_message(response: httpx.Response) -> str:
    """GitHub's own ``message`` field, on one line and short."""
    try:
        payload = _parse_json(response)
    except ValueError:
        return ""
    if not isinstance(payload, dict):
        return ""
    parts = [str(payload.get("message") or "")]
    errors = payload.get("errors")
    if isinstance(errors, list):
        parts.extend(
            str(item.get("message") or item.get("code") or "")
            for item in errors
            if isinstance(item, dict)
        )
    return _one_line(" ".join(part for part in parts if part))


def _comment(item: Any, what: str) -> IssueComment:
    ident = item.get("id") if isinstance(item, dict) else None
    if not isinstance(ident, int) or isinstance(ident, bool):
        raise GitHubError(f"unexpected answer from GitHub for {what}: a comment without an id")
    return IssueComment(
        id=item["id"],
        body=str(item.get("body") or ""),
        url=str(item.get("html_url") or item.get("url") or ""),
        created_at=str(item.get("created_at") or ""),
    )


# How often the main thread wakes while it waits for the request's thread. A Ctrl-C that
# the kernel hands to that thread (any thread of the process may get it) only raises
# KeyboardInterrupt once the main thread runs Python again: it must not sleep to the deadline.
_WAKE_SECONDS = 0.1


def _wait(done: threading.Event, deadline: float) -> bool:
    """Wait for ``done`` until ``deadline`` (monotonic), waking every ``_WAKE_SECONDS``."""
    while not done.is_set():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        done.wait(min(remaining, _WAKE_SECONDS))
    return True


def _retry_after_seconds(value: str | None, now: float) -> float | None:
    """``Retry-After`` is seconds, or (rarely) an HTTP date."""
    if value is None:
        return None
    seconds = _number(value)
    if seconds is not None:
        return seconds
    try:
        moment = email.utils.parsedate_to_datetime(value)
        return moment.timestamp() - now
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def _duration(seconds: float) -> str:
    """A wait for a message: "600 s"; a nonsense one (1e308) is not printed in full."""
    return f"{seconds:.0f} s" if seconds < 10**7 else "more than 100 days"


def _try_again(now: float, wait: float) -> str:
    """When to retry, for a message: "try again after 22:23:20 UTC" (a date when not today)."""
    with contextlib.suppress(OverflowError, OSError, ValueError):  # a nonsense wait
        moment = time.gmtime(now + wait)
        if wait >= 86400 or time.gmtime(now).tm_yday != moment.tm_yday:
            return f"try again after {time.strftime('%Y-%m-%d %H:%M:%S UTC', moment)}"
        return f"try again after {time.strftime('%H:%M:%S UTC', moment)}"
    return "try again later"


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)
