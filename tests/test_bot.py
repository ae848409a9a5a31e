"""The sticky comment, the size limit and the GitHub Actions configuration.

``FakeGitHub`` is a stateful stand-in for the issue-comments API served over real HTTP on
loopback (pytest-httpserver): it keeps comments in a dict, pages them with ``Link`` headers and
refuses what GitHub refuses (a wrong token, a body over 65,536 characters).
"""

from __future__ import annotations

import importlib
import json
import os
import random
import re
import sys
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from impactgraph.adapters.github import GitHubClient
from impactgraph.bot import (
    GITHUB_COMMENT_LIMIT,
    MarkdownOptions,
    UpsertAction,
    carries_marker,
    check_marker_id,
    comment_size,
    fit_body,
    github_context,
    marker,
    shorter_body,
    strict_size,
    upsert_comment,
    with_marker,
)
from impactgraph.errors import ExitCode, GitHubError, InputError, UsageError

TOKEN = "ghs_B0tT0kenThatMustStaySecret_77c1"  # noqa: S105
REPO = "acme/shop"
PR = 7
LIST_PATH = f"/repos/{REPO}/issues/{PR}/comments"


class FakeGitHub:
    """Issue comments of one repository, served like GitHub serves them."""

    def __init__(self, page_size: int = 100) -> None:
        self.page_size = page_size
        self.comments: dict[int, dict[str, Any]] = {}
        self._next_id = 1000
        # statuses the next POSTs answer with, after storing the comment (GitHub's write went
        # through, its answer did not) when ``stored`` says so, or after storing that text
        self.failing_posts: list[tuple[int, bool | str]] = []
        self.posts_refused: tuple[int, str] | None = None  # (status, message) for every POST
        # how GitHub counts a body's length; it has been seen to count more than we do
        self.length: Callable[[str], int] = len

    def add(self, body: str, issue: int = PR) -> int:
        self._next_id += 1
        comment_id = self._next_id
        self.comments[comment_id] = {
            "id": comment_id,
            "issue": issue,
            "body": body,
            "html_url": f"https://github.example/{REPO}/pull/{issue}#issuecomment-{comment_id}",
            "created_at": f"2024-05-01T10:{comment_id // 60 % 60:02d}:{comment_id % 60:02d}Z",
        }
        return comment_id

    def of_pr(self, issue: int = PR) -> list[dict[str, Any]]:
        return [c for c in self.comments.values() if c["issue"] == issue]

    def __call__(self, request: Request) -> Response:
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._json({"message": "Bad credentials"}, 401)
        listing = re.fullmatch(rf"/repos/{REPO}/issues/(\d+)/comments", request.path)
        single = re.fullmatch(rf"/repos/{REPO}/issues/comments/(\d+)", request.path)
        if listing and request.method == "GET":
            return self._page(request, int(listing.group(1)))
        if listing and request.method == "POST":
            if self.posts_refused is not None:
                status, message = self.posts_refused
                return self._json({"message": message}, status)
            body = request.get_json()["body"]
            if self.length(body) > GITHUB_COMMENT_LIMIT:
                return self._too_long()
            if self.failing_posts:
                status, stored = self.failing_posts.pop(0)
                if stored:
                    self.add(stored if isinstance(stored, str) else body, int(listing[1]))
                return Response("<html>Server Error</html>", status=status,
                                content_type="text/html")
            return self._json(self._public(self.comments[self.add(body, int(listing[1]))]), 201)
        if single and request.method == "PATCH":
            comment = self.comments.get(int(single.group(1)))
            if comment is None:
                return self._json({"message": "Not Found"}, 404)
            body = request.get_json()["body"]
            if self.length(body) > GITHUB_COMMENT_LIMIT:
                return self._too_long()
            comment["body"] = body
            return self._json(self._public(comment))
        return self._json({"message": "Not Found"}, 404)

    def _page(self, request: Request, issue: int) -> Response:
        per_page = min(int(request.args.get("per_page", "30")), self.page_size)
        page = int(request.args.get("page", "1"))
        items = sorted(self.of_pr(issue), key=lambda c: c["id"])
        pages = max(1, -(-len(items) // per_page))
        chunk = items[(page - 1) * per_page : page * per_page]
        base = request.base_url

        def link(number: int, rel: str) -> str:
            return f'<{base}?per_page={per_page}&page={number}>; rel="{rel}"'

        links = []
        if page < pages:
            links += [link(page + 1, "next"), link(pages, "last")]
        if page > 1:
            links += [link(1, "first"), link(page - 1, "prev")]
        headers = {"Link": ", ".join(links)} if links else {}
        return self._json([self._public(c) for c in chunk], headers=headers)

    def _too_long(self) -> Response:
        said = f"Body is too long (maximum is {GITHUB_COMMENT_LIMIT} characters)"
        return self._json({
            "message": "Validation Failed",
            "errors": [{"resource": "IssueComment", "code": "unprocessable", "field": "data",
                        "message": said}],
            "documentation_url": "https://docs.github.com/rest/issues/comments",
        }, 422)

    @staticmethod
    def _public(comment: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in comment.items() if key != "issue"}

    @staticmethod
    def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
        return Response(
            json.dumps(payload), status=status, headers=headers, content_type="application/json"
        )


@pytest.fixture
def github(httpserver: HTTPServer) -> FakeGitHub:
    fake = FakeGitHub()
    httpserver.expect_request(re.compile(r"^/repos/")).respond_with_handler(fake)
    return fake


@pytest.fixture
def client(httpserver: HTTPServer) -> Iterator[GitHubClient]:
    with httpx.Client() as http:
        yield GitHubClient(
            http, TOKEN, api_url=httpserver.url_for("/"), sleep=lambda _: None, clock=lambda: 0.0
        )


def requests_made(httpserver: HTTPServer) -> list[tuple[str, str]]:
    return [(request.method, request.path) for request, _ in httpserver.log]


def sent_bodies(httpserver: HTTPServer) -> list[str]:
    return [r.get_json()["body"] for r, _ in httpserver.log if r.method in ("POST", "PATCH")]


# -- upsert ----------------------------------------------------------------------------------


def test_no_comment_yet_creates_one(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    github.add("LGTM")

    action, comment_id, url = upsert_comment(client, REPO, PR, "## Impact\n", "impact")

    assert action is UpsertAction.CREATED
    assert url.endswith(f"#issuecomment-{comment_id}")
    assert requests_made(httpserver) == [("GET", LIST_PATH), ("POST", LIST_PATH)]
    assert sent_bodies(httpserver) == ["<!-- impactgraph:impact -->\n## Impact\n"]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r, _ in httpserver.log)


def test_the_marked_comment_on_page_three_is_patched_not_duplicated(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    github.page_size = 2
    for n in range(4):
        github.add(f"review comment {n}")
    ours = github.add(with_marker("## Impact (old)", "impact"))

    action, comment_id, _ = upsert_comment(client, REPO, PR, "## Impact (new)", "impact")

    assert (action, comment_id) == (UpsertAction.UPDATED, ours)
    assert requests_made(httpserver) == [
        ("GET", LIST_PATH),
        ("GET", LIST_PATH),
        ("GET", LIST_PATH),
        ("PATCH", f"/repos/{REPO}/issues/comments/{ours}"),
    ]
    assert [r.args.get("page") for r, _ in httpserver.log[:3]] == [None, "2", "3"]
    assert sent_bodies(httpserver) == ["<!-- impactgraph:impact -->\n## Impact (new)"]
    assert len(github.of_pr()) == 5


def test_an_unchanged_body_is_not_sent_again(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    ours = github.add(with_marker("## Impact\n\nsame", "impact"))

    result = upsert_comment(client, REPO, PR, "## Impact\n\nsame", "impact")

    assert result.action is UpsertAction.UNCHANGED
    assert result.comment_id == ours
    assert requests_made(httpserver) == [("GET", LIST_PATH)]


def test_a_report_that_differs_only_in_its_timing_is_not_sent_again(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    """The footer says how long the analysis took; a rerun takes a different time, and that
    alone must not edit the comment ("edited" on GitHub, a request for nothing)."""
    footer = "<sub>20 files indexed · 3 unresolved calls · {} s</sub>\n"
    ours = github.add(with_marker("## Impact\n\nsame\n\n" + footer.format("0.41"), "impact"))

    result = upsert_comment(client, REPO, PR, "## Impact\n\nsame\n\n" + footer.format("12.07"))

    assert (result.action, result.comment_id) == (UpsertAction.UNCHANGED, ours)
    assert requests_made(httpserver) == [("GET", LIST_PATH)]
    changed = upsert_comment(client, REPO, PR, "## Impact\n\nother\n\n" + footer.format("0.41"))
    assert changed.action is UpsertAction.UPDATED  # anything else still counts


def test_two_runs_in_a_row_leave_exactly_one_comment(
    github: FakeGitHub, client: GitHubClient
) -> None:
    first = upsert_comment(client, REPO, PR, "report of commit 1", "impact")
    second = upsert_comment(client, REPO, PR, "report of commit 2", "impact")

    assert first.action is UpsertAction.CREATED
    assert second.action is UpsertAction.UPDATED
    assert first.comment_id == second.comment_id
    assert [c["body"] for c in github.of_pr()] == [
        "<!-- impactgraph:impact -->\nreport of commit 2"
    ]


def test_marker_ids_keep_separate_comments(github: FakeGitHub, client: GitHubClient) -> None:
    upsert_comment(client, REPO, PR, "backend", "backend")
    upsert_comment(client, REPO, PR, "frontend", "frontend")
    upsert_comment(client, REPO, PR, "backend v2", "backend")

    bodies = sorted(c["body"] for c in github.of_pr())
    assert bodies == [
        "<!-- impactgraph:backend -->\nbackend v2",
        "<!-- impactgraph:frontend -->\nfrontend",
    ]


def test_of_several_marked_comments_the_newest_is_updated(
    github: FakeGitHub, client: GitHubClient
) -> None:
    older = github.add(with_marker("old run", "impact"))
    newer = github.add(with_marker("newer run", "impact"))

    result = upsert_comment(client, REPO, PR, "latest", "impact")

    assert result.comment_id == newer
    assert github.comments[older]["body"].endswith("old run")
    assert github.comments[newer]["body"].endswith("latest")


def test_a_comment_that_merely_quotes_the_marker_is_not_ours(
    github: FakeGitHub, client: GitHubClient
) -> None:
    quoted = github.add("Why does the bot write `<!-- impactgraph:impact -->`?")
    result = upsert_comment(client, REPO, PR, "report", "impact")
    assert result.action is UpsertAction.CREATED
    assert result.comment_id != quoted


def test_an_over_long_report_is_shrunk_and_what_is_sent_fits(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    body = fit_body(fake_render(rows=5000, chains=5000, graph_lines=3000))
    upsert_comment(client, REPO, PR, body, "impact")

    (sent,) = sent_bodies(httpserver)
    assert sent == body
    assert comment_size(sent) <= GITHUB_COMMENT_LIMIT
    assert len(github.of_pr()) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_creation_answered_with_a_server_error_after_it_went_through_is_not_repeated(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient, status: int
) -> None:
    github.add("LGTM")
    github.failing_posts = [(status, True)]

    result = upsert_comment(client, REPO, PR, "## Impact\n", "impact")

    (ours,) = [c for c in github.of_pr() if carries_marker(c["body"])]  # one, not two
    assert result == (UpsertAction.CREATED, ours["id"], ours["html_url"])
    assert requests_made(httpserver) == [
        ("GET", LIST_PATH),
        ("POST", LIST_PATH),
        ("GET", LIST_PATH),  # looked again after the 5xx: there it is
    ]


def test_another_runs_comment_found_after_a_failed_creation_is_updated_not_duplicated(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    # another job with this marker created its comment while our creation failed
    github.failing_posts = [(502, with_marker("## Impact of the other run"))]

    result = upsert_comment(client, REPO, PR, "## Impact of ours", "impact")

    (ours,) = github.of_pr()
    assert result.action is UpsertAction.UPDATED
    assert result.comment_id == ours["id"]
    assert ours["body"] == with_marker("## Impact of ours")
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST", "GET", "PATCH"]


def test_a_creation_that_did_not_go_through_is_sent_again_after_looking(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    github.failing_posts = [(500, False), (502, False)]

    result = upsert_comment(client, REPO, PR, "## Impact\n", "impact")

    (ours,) = github.of_pr()
    assert result.action is UpsertAction.CREATED
    assert result.comment_id == ours["id"]
    methods = [m for m, _ in requests_made(httpserver)]
    assert methods == ["GET", "POST", "GET", "POST", "GET", "POST"]


def utf8_bytes(body: str) -> int:
    """A count GitHub might use that is larger than ours: UTF-8 bytes."""
    return len(body.encode("utf-8"))


def accented_render(options: MarkdownOptions) -> str:
    """A report of 60,000 characters, each two bytes in UTF-8; shorter without its chains."""
    rows = "\n".join(f"| é{'é' * 58} |" for _ in range(min(options.max_rows, 25)))
    chains = "\n".join("é" * 99 for _ in range(600)) if options.details else ""
    return f"## Impact\n\n{rows}\n\n{chains}"


def shorten_with(render: Callable[[MarkdownOptions], str], calls: list[int]) -> Any:
    def shorten(rejected: str, maximum: int) -> str:
        calls.append(maximum)
        return shorter_body(render, rejected, maximum)

    return shorten


@pytest.mark.parametrize("existing", [False, True], ids=["create", "update"])
def test_a_body_github_counts_as_too_long_is_sent_once_more_shortened(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient, existing: bool
) -> None:
    """Our count (UTF-16 units) says it fits; GitHub's says not (422 "Body is too long"):
    one more try with a shorter body, the truncated report with its note."""
    github.length = utf8_bytes
    if existing:
        github.add(with_marker("## Impact (old)"))
    body = fit_body(accented_render)
    assert comment_size(body) <= GITHUB_COMMENT_LIMIT < utf8_bytes(body)
    calls: list[int] = []

    result = upsert_comment(client, REPO, PR, body, shorten=shorten_with(accented_render, calls))

    (ours,) = github.of_pr()
    assert result.comment_id == ours["id"]
    assert result.action is (UpsertAction.UPDATED if existing else UpsertAction.CREATED)
    assert calls == [GITHUB_COMMENT_LIMIT]
    first, second = sent_bodies(httpserver)
    assert first == body
    assert second == ours["body"]
    assert utf8_bytes(second) <= GITHUB_COMMENT_LIMIT
    assert "**Shortened** to fit GitHub's comment size limit" in second
    assert second.startswith(marker() + "\n## Impact")


def test_a_body_still_too_long_after_shortening_is_not_sent_a_third_time(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    github.length = lambda body: GITHUB_COMMENT_LIMIT + 1  # nothing is short enough
    calls: list[int] = []

    with pytest.raises(GitHubError, match="422") as caught:
        upsert_comment(client, REPO, PR, fit_body(accented_render),
                       shorten=shorten_with(accented_render, calls))

    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert len(calls) == 1
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST", "POST"]
    assert github.of_pr() == []


def test_a_too_long_body_that_already_fits_githubs_stated_count_is_halved(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    """GitHub counts in a way we cannot reproduce: the retry is well below what was refused."""
    refused: list[str] = []

    def length(body: str) -> int:
        if not refused:
            refused.append(body)
            return GITHUB_COMMENT_LIMIT + 1
        return len(body)

    def plain(_: MarkdownOptions) -> str:  # 60,000 ASCII characters, whatever the options
        return "## Impact\n" + "\n".join("x" * 99 for _ in range(600))

    github.length = length
    body = fit_body(plain)
    assert "Shortened" not in body

    upsert_comment(client, REPO, PR, body, shorten=shorten_with(plain, []))

    (ours,) = github.of_pr()
    assert len(ours["body"]) + ours["body"].count("\n") <= (len(body) + body.count("\n")) // 2
    assert "**Shortened** to fit GitHub's comment size limit" in ours["body"]


def test_another_422_is_not_retried(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    github.posts_refused = (422, "Validation Failed")
    calls: list[int] = []
    with pytest.raises(GitHubError, match="422"):
        upsert_comment(client, REPO, PR, "x", shorten=shorten_with(accented_render, calls))
    assert calls == []
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST"]


def test_without_a_way_to_shorten_a_too_long_body_is_one_error(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    github.length = utf8_bytes
    with pytest.raises(GitHubError, match="too long"):
        upsert_comment(client, REPO, PR, fit_body(accented_render))
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST"]


@pytest.mark.parametrize("write_status", [301, 302, 307, 308])
def test_a_renamed_repository_is_followed_by_every_call_and_keeps_one_comment(
    httpserver: HTTPServer, client: GitHubClient, write_status: int
) -> None:
    """GitHub answers calls on a renamed repository's old name with a redirect: 301 for a GET,
    307 for the others (a 301/302 is followed with the same method too: never turned into
    a GET, which would drop the comment)."""
    fake = FakeGitHub()

    def moved(request: Request) -> Response:
        status = 301 if request.method == "GET" else write_status
        target = request.url.replace("/repos/acme/old-shop/", f"/repos/{REPO}/")
        return Response("", status=status, headers={"Location": target})

    httpserver.expect_request(re.compile(r"^/repos/acme/old-shop/")).respond_with_handler(moved)
    httpserver.expect_request(re.compile(r"^/repos/")).respond_with_handler(fake)

    first = upsert_comment(client, "acme/old-shop", PR, "report 1")
    second = upsert_comment(client, "acme/old-shop", PR, "report 2")

    assert (first.action, second.action) == (UpsertAction.CREATED, UpsertAction.UPDATED)
    (ours,) = fake.of_pr()
    assert ours["body"] == with_marker("report 2")
    assert first.comment_id == second.comment_id == ours["id"]


def test_a_write_redirected_to_another_host_is_not_followed(
    httpserver: HTTPServer, client: GitHubClient
) -> None:
    httpserver.expect_request(LIST_PATH, method="GET").respond_with_json([])
    httpserver.expect_request(LIST_PATH, method="POST").respond_with_data(
        "", status=307, headers={"Location": f"https://elsewhere.example{LIST_PATH}"}
    )
    with pytest.raises(GitHubError, match="another host") as caught:
        upsert_comment(client, REPO, PR, "report")
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST"]


def test_an_update_whose_success_answer_is_unusable_still_counts_as_made(
    httpserver: HTTPServer, github: FakeGitHub, client: GitHubClient
) -> None:
    """A PATCH that GitHub (or a proxy) answers 200 with an HTML page, or 204: it went
    through; the comment is what was sent."""
    ours = github.add(with_marker("old"))
    httpserver.clear_all_handlers()
    httpserver.expect_request(f"/repos/{REPO}/issues/comments/{ours}", method="PATCH"
                              ).respond_with_data("<html>OK</html>", content_type="text/html")
    httpserver.expect_request(re.compile("^/repos/")).respond_with_handler(github)

    result = upsert_comment(client, REPO, PR, "new")

    assert result.action is UpsertAction.UPDATED
    assert result.comment_id == ours
    assert result.url == github.comments[ours]["html_url"]


def misbehaving(name: str, httpserver: HTTPServer) -> Callable[[Request], Response]:
    """GitHub failing in one of the ways it does, on every listing of the comments."""

    def json_answer(payload: Any, status: int = 200, **headers: str) -> Response:
        return Response(json.dumps(payload), status=status, headers=headers,
                        content_type="application/json")

    def handler(request: Request) -> Response:
        page = int(request.args.get("page", "1"))
        if name == "html-200":
            return Response("<html><body>Sign in</body></html>", content_type="text/html")
        if name == "html-502":
            return Response("<html>502 Bad Gateway</html>", status=502, content_type="text/html")
        if name == "404-wrong-pr":
            return json_answer({"message": "Not Found"}, 404)
        if name == "410-gone":
            return json_answer({"message": "Issues are disabled for this repo"}, 410)
        if name == "not-a-list":
            return json_answer({"message": "Moved"})
        if name == "id-not-a-number":
            return json_answer([{"id": True, "body": with_marker("old")}])
        if name == "empty-pages-next-repeats":
            following = httpserver.url_for(LIST_PATH) + "?per_page=100&page=2"
            return json_answer([], Link=f'<{following}>; rel="next"')
        if name == "next-to-another-host":
            return json_answer([], Link=f'<https://elsewhere.example{LIST_PATH}?page={page + 1}>;'
                               ' rel="next"')
        if name == "redirect-without-location":
            return Response("", status=301)
        raise AssertionError(name)

    return handler


LISTING_FAILURES = [
    "html-200", "html-502", "404-wrong-pr", "410-gone", "not-a-list", "id-not-a-number",
    "empty-pages-next-repeats", "next-to-another-host", "redirect-without-location",
]


@pytest.mark.parametrize("name", LISTING_FAILURES)
def test_a_listing_that_fails_is_one_github_error_and_posts_nothing(
    httpserver: HTTPServer, client: GitHubClient, name: str
) -> None:
    httpserver.expect_request(LIST_PATH, method="GET").respond_with_handler(
        misbehaving(name, httpserver)
    )
    with pytest.raises(GitHubError) as caught:
        upsert_comment(client, REPO, PR, "report")
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert "\n" not in str(caught.value)
    assert {m for m, _ in requests_made(httpserver)} == {"GET"}  # no comment posted blind


def test_a_wrong_token_ends_in_github_error(httpserver: HTTPServer, github: FakeGitHub) -> None:
    with httpx.Client() as http:
        client = GitHubClient(http, "ghs_wrong", api_url=httpserver.url_for("/"))
        with pytest.raises(GitHubError, match="401") as caught:
            upsert_comment(client, REPO, PR, "x", "impact")
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert "ghs_wrong" not in str(caught.value)


@pytest.mark.parametrize("bad", ["", "a b", "x-->y", "a--b", "-a", "<b>", "é"])
def test_marker_ids_cannot_break_the_html_comment(bad: str) -> None:
    with pytest.raises(UsageError):
        check_marker_id(bad)


def test_marker_format() -> None:
    assert marker() == "<!-- impactgraph:impact -->"
    assert marker("api-v2.py_3") == "<!-- impactgraph:api-v2.py_3 -->"
    assert with_marker(with_marker("x", "a"), "a") == "<!-- impactgraph:a -->\nx"
    assert carries_marker("<!-- impactgraph:a -->\r\nx", "a")
    assert not carries_marker("<!-- impactgraph:ab -->\nx", "a")


# -- fit_body ----------------------------------------------------------------------------------


def fake_render(
    rows: int,
    chains: int,
    graph_lines: int,
    calls: list[MarkdownOptions] | None = None,
    row_width: int = 0,
) -> Callable[[MarkdownOptions], str]:
    """A stand-in for ``render.markdown.render``: its size follows the options like the real one."""

    def render(options: MarkdownOptions) -> str:
        if calls is not None:
            calls.append(options)
        lines = ["## Impact", "", "| module | depth |", "| --- | --- |"]
        lines += [
            f"| pkg.module_{i:05d}{'_' * row_width} | {i % 7} |"
            for i in range(min(rows, options.max_rows))
        ]
        if options.details:
            lines += ["<details><summary>Call chains</summary>", ""]
            lines += [f"- pkg.a_{i} → pkg.b_{i} → pkg.c_{i}" for i in range(chains)]
            lines += ["</details>"]
        if options.graph:
            lines += ["```mermaid", "graph LR"]
            lines += [f"  n{i} --> n{i + 1}" for i in range(graph_lines)]
            lines += ["```"]
        return "\n".join(lines) + "\n"

    return render


def test_a_report_that_fits_is_left_whole() -> None:
    calls: list[MarkdownOptions] = []
    body = fit_body(fake_render(rows=10, chains=10, graph_lines=10, calls=calls))

    assert calls == [MarkdownOptions(details=True, max_rows=25, graph=True)]
    assert body.startswith("<!-- impactgraph:impact -->\n## Impact")
    assert "Shortened" not in body
    assert "<details>" in body


def test_the_call_chains_go_first() -> None:
    calls: list[MarkdownOptions] = []
    body = fit_body(fake_render(rows=10, chains=3000, graph_lines=10, calls=calls))

    assert calls[-1] == MarkdownOptions(details=False, max_rows=25, graph=True)
    assert "<details>" not in body
    assert "```mermaid" in body
    assert "left out the call chains." in body


def test_then_the_tables_then_the_graph() -> None:
    limit = 4000
    calls: list[MarkdownOptions] = []
    render = fake_render(rows=25, chains=3000, graph_lines=60, calls=calls, row_width=150)
    body = fit_body(render, limit)
    # 25 rows of ~175 characters do not fit in 4,000; 10 rows and the ~800-character graph do.
    assert calls[-1].details is False
    assert calls[-1].graph is True
    assert calls[-1].max_rows < 25
    assert comment_size(body) <= limit

    calls.clear()
    render = fake_render(rows=25, chains=3000, graph_lines=1000, calls=calls, row_width=150)
    body = fit_body(render, limit)
    assert calls[-1] == MarkdownOptions(details=False, max_rows=3, graph=False)
    assert "```mermaid" not in body
    assert "left out the call chains, table rows beyond the first 3, the graph." in body
    assert comment_size(body) <= limit


def test_as_a_last_resort_the_report_is_cut_at_a_line_boundary() -> None:
    def huge(_: MarkdownOptions) -> str:
        return "\n".join(f"- warning {i}: " + "x" * (i % 90) for i in range(20000))

    body = fit_body(huge)

    assert comment_size(body) <= GITHUB_COMMENT_LIMIT
    assert body.startswith("<!-- impactgraph:impact -->\n")
    content, note = body.rstrip("\n").rsplit("\n\n", 1)
    full = huge(MarkdownOptions()).split("\n")
    kept = content.split("\n")[1:]
    assert kept == full[: len(kept)]
    assert f"everything after line {len(kept)} of {len(full)}" in note


def test_a_cut_inside_a_code_fence_closes_it() -> None:
    def fenced(_: MarkdownOptions) -> str:
        return "## Impact\n```text\n" + "\n".join(["chain a -> b -> c"] * 10000) + "\n```\n"

    body = fit_body(fenced, 2000)

    assert comment_size(body) <= 2000
    assert body.count("```") == 2


def test_the_size_counts_characters_outside_the_basic_plane_twice() -> None:
    def emoji(_: MarkdownOptions) -> str:
        return "\n".join(["🔴 breaking"] * 10000)

    body = fit_body(emoji, 5000)
    assert comment_size(body) <= 5000
    assert comment_size("🔴") == 2


@pytest.mark.parametrize("seed", range(40))
def test_the_body_never_exceeds_the_limit(seed: int) -> None:
    # A seeded sweep rather than hypothesis: hypothesis leaves a .hypothesis directory behind.
    rng = random.Random(seed)  # noqa: S311
    alphabet = "ab |-`<>/\n\té🔴\u200b" + "x" * 20
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30000)))
    limit = rng.randint(512, 8000)

    body = fit_body(lambda _: text, limit, marker_id="prop")
    strict = fit_body(lambda _: text, limit, marker_id="prop", size=strict_size)

    assert comment_size(body) <= limit
    assert body.startswith("<!-- impactgraph:prop -->\n")
    assert strict_size(strict) <= limit
    if strict_size(body) > limit:  # cut where it had to be, not down to the marker alone
        assert "everything after line" in strict or "left out" in strict


# -- github_context ----------------------------------------------------------------------------

EVENT = {
    "action": "synchronize",
    "number": PR,
    "pull_request": {
        "number": PR,
        "base": {"sha": "b" * 40, "ref": "main"},
        "head": {"sha": "c" * 40, "ref": "feature"},
    },
}


def actions_env(**extra: str) -> dict[str, str]:
    env = {
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_EVENT_PATH": "/github/workflow/event.json",
        "GITHUB_EVENT_NAME": "pull_request",
    }
    env.update(extra)
    return env


def event_file(event: Any) -> Callable[[str], str]:
    def read(path: str) -> str:
        assert path == "/github/workflow/event.json"
        return json.dumps(event)

    return read


def test_the_event_provides_repository_pr_and_base() -> None:
    context = github_context(actions_env(), event_file(EVENT))

    assert context.base == "b" * 40
    assert context.head is None  # the working tree: the merge commit actions/checkout made
    assert context.event_head_sha == "c" * 40
    assert context.target is not None
    assert context.target.repository == REPO
    assert context.target.number == PR
    assert context.target.api_url == "https://api.github.com"
    assert TOKEN not in repr(context)


def test_flags_take_precedence() -> None:
    env = actions_env(GITHUB_API_URL="https://ghe.example/api/v3/")
    context = github_context(
        env, event_file(EVENT), github_repo="other/repo", pr=5, base="v1.0", head="HEAD"
    )
    assert (context.base, context.head) == ("v1.0", "HEAD")
    assert context.target is not None
    assert (context.target.repository, context.target.number) == ("other/repo", 5)
    assert context.target.api_url == "https://ghe.example/api/v3"


def test_without_an_event_file_flags_are_enough() -> None:
    def no_file(path: str) -> str:
        raise AssertionError("not read")

    env = {"GITHUB_TOKEN": TOKEN}
    context = github_context(env, no_file, github_repo=REPO, pr=3, base="main")
    assert context.target is not None
    assert context.target.number == 3


def test_a_missing_token_is_a_usage_error() -> None:
    env = actions_env()
    del env["GITHUB_TOKEN"]
    with pytest.raises(UsageError, match="GITHUB_TOKEN") as caught:
        github_context(env, event_file(EVENT))
    assert caught.value.exit_code == ExitCode.USAGE


def test_a_push_event_has_no_pull_request_number() -> None:
    env = actions_env(GITHUB_EVENT_NAME="push")
    with pytest.raises(UsageError, match="--pr N") as caught:
        github_context(env, event_file({"ref": "refs/heads/main", "after": "c" * 40}))
    assert "push" in str(caught.value)


def test_a_missing_repository_is_a_usage_error() -> None:
    env = actions_env()
    del env["GITHUB_REPOSITORY"]
    with pytest.raises(UsageError, match="--github-repo"):
        github_context(env, event_file(EVENT))


def test_a_dry_run_needs_no_token_and_no_pull_request() -> None:
    context = github_context({}, event_file(EVENT), base="main", dry_run=True)
    assert context.target is None
    assert context.base == "main"


def test_an_unreadable_or_broken_event_file_is_bad_input() -> None:
    def missing(path: str) -> str:
        raise FileNotFoundError(2, "No such file or directory", path)

    with pytest.raises(InputError, match="No such file") as caught:
        github_context(actions_env(), missing)
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    with pytest.raises(InputError, match="not JSON"):
        github_context(actions_env(), lambda _: "{not json")
    with pytest.raises(InputError, match="JSON object"):
        github_context(actions_env(), lambda _: "[1, 2]")


def test_a_deeply_nested_event_file_is_bad_input() -> None:
    with pytest.raises(InputError, match="nested too deeply") as caught:
        github_context(actions_env(), lambda _: "[" * 100_000 + "]" * 100_000)
    assert caught.value.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize("kind", ["fifo", "directory", "latin-1"])
def test_an_event_path_that_is_no_json_file_is_bad_input(tmp_path: Path, kind: str) -> None:
    from impactgraph.cli.comment_cmd import _read_text

    path = tmp_path / "event"
    if kind == "fifo":
        os.mkfifo(path)  # reading it would block forever
    elif kind == "directory":
        path.mkdir()
    else:
        path.write_bytes(b'{"number": "caf\xe9"}')
    env = actions_env(GITHUB_EVENT_PATH=str(path))
    with pytest.raises(InputError, match="GITHUB_EVENT_PATH") as caught:
        github_context(env, _read_text)
    assert caught.value.exit_code == ExitCode.BAD_INPUT


def test_bad_flags_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        github_context(actions_env(), event_file(EVENT), github_repo="not-a-repo")
    with pytest.raises(UsageError):
        github_context(actions_env(GITHUB_API_URL="http://ghe.example"), event_file(EVENT))


# -- the command: two runs on two commits leave one comment ----------------------------------------


class FakeReport:
    def __init__(self, label: str, breaking: bool) -> None:
        self.label = label
        self.breaking = breaking


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str, str | None, Any]]:
    """Stand-ins for the impact pipeline and the Markdown renderer (tested on their own)."""
    calls: list[tuple[Path, str, str | None, Any]] = []
    pipeline = types.ModuleType("impactgraph.app.pipeline")
    fail_on = types.ModuleType("impactgraph.impact.fail_on")
    markdown = types.ModuleType("impactgraph.render.markdown")

    def build_report(
        repo: Path, base: str, head: str | None, max_depth: int | None, **options: Any
    ) -> Any:
        calls.append((repo, base, head, max_depth))
        return FakeReport(f"{base}..{head or 'worktree'}", breaking=base == "breaking-base")

    def fails(report: FakeReport, fail_on: str) -> bool:
        return report.breaking and fail_on in ("broken", "breaking", "any")

    def render(
        report: FakeReport, *, details: bool = True, max_rows: int = 25, graph: bool = True
    ) -> str:
        return f"## Impact of {report.label}\n\ndetails={details} rows={max_rows} graph={graph}\n"

    pipeline.build_report = build_report  # type: ignore[attr-defined]
    fail_on.fails = fails  # type: ignore[attr-defined]
    # what the CLI imports from it when this test is the first to load the CLI
    fail_on.FailOn = importlib.import_module("impactgraph.impact.fail_on").FailOn  # type: ignore[attr-defined]
    markdown.render = render  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "impactgraph.app.pipeline", pipeline)
    monkeypatch.setitem(sys.modules, "impactgraph.impact.fail_on", fail_on)
    monkeypatch.setitem(sys.modules, "impactgraph.render.markdown", markdown)
    return calls


def run_cli(args: list[str], env: dict[str, str]) -> Any:
    from typer.testing import CliRunner

    from impactgraph.cli import app

    return CliRunner().invoke(app, args, env=env)


def cli_env(httpserver: HTTPServer, tmp_path: Path, **extra: str) -> dict[str, str]:
    event = tmp_path / "event.json"
    event.write_text(json.dumps(EVENT), encoding="utf-8")
    env = {
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_API_URL": httpserver.url_for("/"),
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_EVENT_NAME": "pull_request",
    }
    env.update(extra)
    return env


def test_two_runs_on_two_commits_leave_one_updated_comment(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    env = cli_env(httpserver, tmp_path)

    first = run_cli(["comment", "--repo", str(tmp_path), "--head", "commit1"], env)
    second = run_cli(["comment", "--repo", str(tmp_path), "--head", "commit2"], env)

    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    (ours,) = github.of_pr()
    assert ours["body"].startswith("<!-- impactgraph:impact -->\n## Impact of ")
    assert "..commit2" in ours["body"]
    assert "comment created: https://github.example/" in first.stderr
    assert "comment updated: " in second.stderr
    assert fake_pipeline == [
        (tmp_path, "b" * 40, "commit1", None),
        (tmp_path, "b" * 40, "commit2", None),
    ]
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST", "GET", "PATCH"]
    assert TOKEN not in first.output + second.output


def test_dry_run_prints_the_body_and_sends_nothing(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    env = cli_env(httpserver, tmp_path)
    del env["GITHUB_TOKEN"]

    result = run_cli(["comment", "--dry-run", "--base", "main", "--marker-id", "api"], env)

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!-- impactgraph:api -->\n## Impact of main..worktree")
    assert httpserver.log == []


def test_fail_on_exits_1_after_posting(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    env = cli_env(httpserver, tmp_path)
    args = ["comment", "--base", "breaking-base", "--max-depth", "3"]

    assert run_cli([*args, "--fail-on", "gateway"], env).exit_code == 0
    result = run_cli([*args, "--fail-on", "breaking"], env)

    assert result.exit_code == ExitCode.FAIL_ON
    assert run_cli([*args, "--fail-on", "broken"], env).exit_code == ExitCode.FAIL_ON
    assert len(github.of_pr()) == 1
    assert fake_pipeline[-1][3] == 3


def test_cli_errors_are_one_line_with_their_exit_code(
    httpserver: HTTPServer,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    httpserver.expect_request(re.compile("^/repos/")).respond_with_json(
        {"message": "Bad credentials"}, status=401
    )
    env = cli_env(httpserver, tmp_path)
    result = run_cli(["comment"], env)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stderr.strip() == (
        "impactgraph: error: GitHub rejected the token (401): check GITHUB_TOKEN"
    )

    del env["GITHUB_TOKEN"]
    result = run_cli(["comment"], env)
    assert result.exit_code == ExitCode.USAGE
    assert "GITHUB_TOKEN is not set" in result.stderr
    assert TOKEN not in result.output


def test_a_read_only_token_fails_the_post_but_the_report_is_still_in_the_log(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    """A pull request from a fork (or Dependabot's) gets a read-only token: GitHub answers the
    POST with 403. The report was made: it goes to stdout (the job's log) before the error."""
    github.posts_refused = (403, "Resource not accessible by integration")

    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stdout.startswith("<!-- impactgraph:impact -->\n## Impact of ")
    (line,) = result.stderr.splitlines()
    assert line.startswith("impactgraph: error: GitHub refused access to a new comment on ")
    assert "Resource not accessible by integration" in line
    assert "from a fork" in line
    assert github.of_pr() == []
    assert TOKEN not in result.output


def test_a_comment_github_counts_as_too_long_is_posted_shortened_and_said_so(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    def render(report: Any, *, details: bool = True, max_rows: int = 25, graph: bool = True) -> str:
        return accented_render(MarkdownOptions(details, max_rows, graph))

    monkeypatch.setattr(sys.modules["impactgraph.render.markdown"], "render", render)
    github.length = utf8_bytes

    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == 0, result.output
    (ours,) = github.of_pr()
    assert "**Shortened**" in ours["body"]
    warning, done = result.stderr.splitlines()
    assert warning.startswith("impactgraph: warning: GitHub refused the comment as too long")
    assert done.startswith("impactgraph: comment created: ")
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST", "POST"]


def test_a_comment_too_long_even_shortened_still_reaches_the_log(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    github.length = lambda body: GITHUB_COMMENT_LIMIT + 1

    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stdout.startswith("<!-- impactgraph:impact -->\n## Impact of ")
    assert "Body is too long" in result.stderr.splitlines()[-1]
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST"]  # nothing to cut


@pytest.mark.parametrize("name", [n for n in LISTING_FAILURES if n != "html-502"])
def test_when_github_fails_the_report_is_in_the_log_and_the_exit_code_is_3(
    httpserver: HTTPServer,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
    name: str,
) -> None:
    httpserver.expect_request(LIST_PATH, method="GET").respond_with_handler(
        misbehaving(name, httpserver)
    )
    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == ExitCode.BAD_INPUT, result.output
    assert result.stdout.startswith("<!-- impactgraph:impact -->\n## Impact of ")
    (line,) = result.stderr.splitlines()
    assert line.startswith("impactgraph: error: ")
    assert TOKEN not in result.output


def test_an_internal_error_while_posting_still_leaves_the_report_in_the_log(
    httpserver: HTTPServer,
    github: FakeGitHub,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import impactgraph.bot

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(impactgraph.bot, "upsert_comment", broken)
    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == ExitCode.INTERNAL
    assert result.stdout.startswith("<!-- impactgraph:impact -->\n## Impact of ")


SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"


def test_a_rerun_on_the_same_change_leaves_the_comment_alone(
    httpserver: HTTPServer, github: FakeGitHub, tmp_path: Path
) -> None:
    """End to end, the real analysis: the second run finds its comment and leaves it as it is
    (its report differs in the time the analysis took, nothing else)."""

    from git_support import commit, copy_fixture, init_repo

    repo = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, repo)
    base = commit(repo, message="base")
    search = repo / "packages/catalog/src/catalog/search.py"
    text = search.read_text(encoding="utf-8")
    search.write_text(text.replace("include_archived: bool = False", "include_archived: bool"),
                      encoding="utf-8")
    env = cli_env(httpserver, tmp_path)
    args = ["comment", "--repo", str(repo), "--base", base]

    first = run_cli([*args, "--no-cache"], env)
    second = run_cli(args, env)

    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    assert "comment created" in first.stderr
    assert "comment unchanged" in second.stderr
    assert [m for m, _ in requests_made(httpserver)] == ["GET", "POST", "GET"]
    (ours,) = github.of_pr()
    assert "include_archived" in ours["body"]


def test_the_note_names_only_what_was_really_left_out() -> None:
    def no_chains(options: MarkdownOptions) -> str:
        rows = min(options.max_rows, 25)
        return "## Impact\n" + "\n".join(f"| row {i} | {'x' * 300} |" for i in range(rows))

    body = fit_body(no_chains, 2000)
    assert "call chains" not in body
    assert "left out table rows beyond the first 5." in body


def test_a_missing_base_commit_points_at_fetch_depth(
    httpserver: HTTPServer,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from impactgraph.errors import GitError

    def shallow(
        repo: Path, base: str, head: str | None, max_depth: int | None, **options: Any
    ) -> Any:
        raise GitError(f"unknown revision: {base}", base)

    monkeypatch.setattr(sys.modules["impactgraph.app.pipeline"], "build_report", shallow)
    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == ExitCode.BAD_INPUT
    assert "fetch-depth: 0" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert httpserver.log == []


def test_the_fetch_depth_hint_is_not_repeated(
    httpserver: HTTPServer,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from impactgraph.errors import GitError

    def shallow(
        repo: Path, base: str, head: str | None, max_depth: int | None, **options: Any
    ) -> Any:
        raise GitError(
            f"revision '{base}' is not in this shallow clone; use `fetch-depth: 0`", base,
            shallow=True,
        )

    monkeypatch.setattr(sys.modules["impactgraph.app.pipeline"], "build_report", shallow)
    result = run_cli(["comment"], cli_env(httpserver, tmp_path))

    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stderr.count("fetch-depth") == 1


@pytest.mark.parametrize("value", ["0", "-1", "soon", "nan", "inf"])
def test_a_bad_deadline_setting_is_a_usage_error(
    httpserver: HTTPServer,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
    value: str,
) -> None:
    env = cli_env(httpserver, tmp_path, IMPACTGRAPH_GITHUB_DEADLINE=value)
    result = run_cli(["comment"], env)
    assert result.exit_code == ExitCode.USAGE
    assert "IMPACTGRAPH_GITHUB_DEADLINE" in result.stderr
    assert httpserver.log == []


def test_a_github_that_drips_its_answer_is_cut_off_at_the_deadline(
    httpserver: HTTPServer,
    fake_pipeline: list[tuple[Path, str, str | None, Any]],
    tmp_path: Path,
) -> None:
    stop, finished = threading.Event(), threading.Event()

    def dripping(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for byte in b"[]" + b" " * 298:  # a minute in all, unless the test is over
                if stop.wait(0.2):
                    return
                yield bytes([byte])
            finished.set()

        return Response(body(), content_type="application/json")

    httpserver.expect_request(re.compile("^/repos/")).respond_with_handler(dripping)
    env = cli_env(httpserver, tmp_path, IMPACTGRAPH_GITHUB_DEADLINE="0.5")
    try:
        result = run_cli(["comment"], env)
        assert not finished.is_set()  # the client gave up; the answer was still dripping
    finally:
        stop.set()  # the single-threaded server is free again for the next test
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "did not answer in time" in result.stderr
    assert result.stderr.count("\n") == 1
