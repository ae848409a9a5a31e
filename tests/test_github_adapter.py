"""The GitHub client against a real HTTP server on loopback that answers like GitHub."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from helpers import sigint_as_in_a_terminal
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from impactgraph.adapters.github import (
    GitHubClient,
    IssueComment,
    check_api_url,
    check_repository,
)
from impactgraph.errors import ExitCode, GitHubError, UsageError

TOKEN = "ghs_S3cr3tT0kenNeverPrintMe_4b7f9e"  # noqa: S105
NOW = 1_700_000_000.0
COMMENTS = "/repos/acme/shop/issues/7/comments"


class Sleeps(list[float]):
    """An injected ``sleep`` that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client() as client:
        yield client


@pytest.fixture
def make_client(
    httpserver: HTTPServer, http: httpx.Client, sleeps: Sleeps
) -> Callable[..., GitHubClient]:
    def make(**options: Any) -> GitHubClient:
        options.setdefault("api_url", httpserver.url_for("/"))
        options.setdefault("sleep", sleeps)
        options.setdefault("clock", lambda: NOW)
        return GitHubClient(http, TOKEN, **options)

    return make


def comment_json(comment_id: int, body: str = "hello") -> dict[str, Any]:
    return {
        "id": comment_id,
        "body": body,
        "html_url": f"https://github.example/acme/shop/pull/7#issuecomment-{comment_id}",
        "created_at": f"2024-05-01T10:00:{comment_id % 60:02d}Z",
    }


def received(httpserver: HTTPServer) -> list[tuple[str, str, str]]:
    """(method, path, query) of every request the server got, in order."""
    return [(r.method, r.path, r.query_string.decode()) for r, _ in httpserver.log]


def assert_authorized(httpserver: HTTPServer) -> None:
    for request, _ in httpserver.log:
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert request.headers["Accept"] == "application/vnd.github+json"


# -- the three calls ---------------------------------------------------------------------------


def test_lists_comments_over_three_pages_following_link_headers(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    def page_url(page: int) -> str:
        return httpserver.url_for(COMMENTS) + f"?per_page=100&page={page}"

    last = f'<{page_url(3)}>; rel="last"'
    pages = {
        "1": ([comment_json(1), comment_json(2)], f'<{page_url(2)}>; rel="next", {last}'),
        "2": ([comment_json(3), comment_json(4)], f'<{page_url(3)}>; rel="next", {last}'),
        "3": ([comment_json(5)], f'<{page_url(2)}>; rel="prev"'),
    }

    def handler(request: Request) -> Response:
        items, link = pages[request.args.get("page", "1")]
        return Response(json.dumps(items), headers={"Link": link}, content_type="application/json")

    httpserver.expect_request(COMMENTS, method="GET").respond_with_handler(handler)

    comments = make_client().list_issue_comments("acme/shop", 7)

    assert [c.id for c in comments] == [1, 2, 3, 4, 5]
    assert comments[0].body == "hello"
    assert comments[0].url.endswith("#issuecomment-1")
    assert received(httpserver) == [
        ("GET", COMMENTS, "per_page=100"),
        ("GET", COMMENTS, "per_page=100&page=2"),
        ("GET", COMMENTS, "per_page=100&page=3"),
    ]
    assert_authorized(httpserver)


def test_a_next_link_to_another_host_is_not_followed(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_json(
        [comment_json(1)], headers={"Link": '<https://evil.example/steal?page=2>; rel="next"'}
    )
    with pytest.raises(GitHubError, match="another host"):
        make_client().list_issue_comments("acme/shop", 7)
    assert len(httpserver.log) == 1


def test_a_relative_next_link_is_read_against_the_page_it_came_with(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    """RFC 8288 allows a relative link; it resolves against the URL of the page that sent it."""
    def handler(request: Request) -> Response:
        page = request.args.get("page", "1")
        link = {"Link": f'<{COMMENTS}?per_page=100&page=2>; rel="next"'} if page == "1" else {}
        return Response(
            json.dumps([comment_json(int(page))]), headers=link, content_type="application/json"
        )

    httpserver.expect_request(COMMENTS, method="GET").respond_with_handler(handler)

    assert [c.id for c in make_client().list_issue_comments("acme/shop", 7)] == [1, 2]
    assert received(httpserver)[1] == ("GET", COMMENTS, "per_page=100&page=2")


def test_a_scheme_relative_next_link_to_another_host_is_not_followed(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_json(
        [comment_json(1)], headers={"Link": '<//evil.example/steal?page=2>; rel="next"'}
    )
    with pytest.raises(GitHubError, match="another host"):
        make_client().list_issue_comments("acme/shop", 7)
    assert len(httpserver.log) == 1


def test_create_posts_the_body(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(
        comment_json(42, "new body"), status=201
    )
    created = make_client().create_issue_comment("acme/shop", 7, "new body")

    assert created.id == 42
    assert received(httpserver) == [("POST", COMMENTS, "")]
    assert httpserver.log[0][0].get_json() == {"body": "new body"}
    assert_authorized(httpserver)


def test_update_patches_the_comment(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    path = "/repos/acme/shop/issues/comments/42"
    httpserver.expect_request(path, method="PATCH").respond_with_json(comment_json(42, "v2"))
    updated = make_client().update_issue_comment("acme/shop", 42, "v2")

    assert updated.body == "v2"
    assert received(httpserver) == [("PATCH", path, "")]
    assert httpserver.log[0][0].get_json() == {"body": "v2"}
    assert_authorized(httpserver)


def test_an_enterprise_api_url_with_a_path_prefix(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request("/api/v3" + COMMENTS).respond_with_json([])
    client = make_client(api_url=httpserver.url_for("/api/v3/"))
    assert client.list_issue_comments("acme/shop", 7) == ()
    assert received(httpserver) == [("GET", "/api/v3" + COMMENTS, "per_page=100")]


# -- retries -------------------------------------------------------------------------------


def test_a_502_is_retried_after_a_backoff(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_data("Bad Gateway", status=502)
    httpserver.expect_request(COMMENTS).respond_with_json([comment_json(1)])

    assert [c.id for c in make_client().list_issue_comments("acme/shop", 7)] == [1]
    assert len(httpserver.log) == 2
    assert sleeps == [1.0]


def test_server_errors_give_up_after_four_attempts_with_exponential_backoff(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS, method="POST").respond_with_data("oops", status=503)
    looked: list[float] = []

    def not_there() -> None:
        looked.append(sleeps[-1])

    with pytest.raises(GitHubError) as caught:
        make_client().create_issue_comment("acme/shop", 7, "body", find_posted=not_there)

    assert caught.value.status == 503
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert len(httpserver.log) == 4
    assert sleeps == [1.0, 2.0, 4.0]
    # looked for the comment after each backoff, before a resend, and once more before giving up
    assert looked == [1.0, 2.0, 4.0, 4.0]


def post_creates_then_answers(status: int, created: list[str]) -> Callable[[Request], Response]:
    """A POST handler that stores the comment and then answers ``status`` anyway, as GitHub
    sometimes does (the write went through, the answer did not)."""

    def handler(request: Request) -> Response:
        created.append(request.get_json()["body"])
        return Response("<html>Server Error</html>", status=status, content_type="text/html")

    return handler


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_post_answered_with_a_server_error_is_not_sent_again_when_it_went_through(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps, status: int
) -> None:
    created: list[str] = []
    httpserver.expect_request(COMMENTS, method="POST").respond_with_handler(
        post_creates_then_answers(status, created)
    )

    def find_posted() -> IssueComment | None:
        return IssueComment(id=len(created), body=created[-1], url="u") if created else None

    comment = make_client().create_issue_comment("acme/shop", 7, "body", find_posted=find_posted)

    assert created == ["body"]  # one comment, not two
    assert comment == IssueComment(id=1, body="body", url="u")
    assert sleeps == [1.0]


def test_a_post_answered_with_a_server_error_is_sent_again_when_it_did_not_go_through(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_oneshot_request(COMMENTS, method="POST").respond_with_data(
        "oops", status=500
    )
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(
        comment_json(8), status=201
    )

    comment = make_client().create_issue_comment("acme/shop", 7, "body", find_posted=lambda: None)

    assert comment.id == 8
    assert [m for m, _, _ in received(httpserver)] == ["POST", "POST"]


def test_without_a_way_to_look_a_post_with_a_server_error_is_not_sent_again(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS, method="POST").respond_with_data("oops", status=502)

    with pytest.raises(GitHubError, match="may have been created") as caught:
        make_client().create_issue_comment("acme/shop", 7, "body")

    assert caught.value.status == 502
    assert len(httpserver.log) == 1
    assert sleeps == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_a_refused_connection_is_retried(http: httpx.Client) -> None:
    """Nothing listens at first; the server comes up during the (injected) backoff."""
    port = free_port()
    server = HTTPServer(host="127.0.0.1", port=port)
    server.expect_request(COMMENTS).respond_with_json([comment_json(9)])
    waited: list[float] = []

    def sleep_and_start_server(seconds: float) -> None:
        waited.append(seconds)
        server.start()

    client = GitHubClient(
        http, TOKEN, api_url=f"http://127.0.0.1:{port}", sleep=sleep_and_start_server
    )
    try:
        comments = client.list_issue_comments("acme/shop", 7)
    finally:
        if server.is_running():
            server.stop()

    assert [c.id for c in comments] == [9]
    assert waited == [1.0]
    assert len(server.log) == 1


def test_a_read_timeout_is_retried(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    calls: list[float] = []

    def slow_then_fast(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            time.sleep(0.6)
        return Response("[]", content_type="application/json")

    httpserver.expect_request(COMMENTS).respond_with_handler(slow_then_fast)
    # The backoff really waits here, so the single-threaded server is free again.
    client = make_client(timeout=httpx.Timeout(0.2), sleep=lambda _: time.sleep(0.6))

    assert client.list_issue_comments("acme/shop", 7) == ()
    assert len(calls) == 2


# -- rate limits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "headers", "expected_wait"),
    [
        (403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 30)}, 30.0),
        (403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 60)}, 60.0),
        (403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) - 5)}, 1.0),
        (429, {"Retry-After": "7"}, 7.0),
        (403, {"Retry-After": "3"}, 3.0),
        (429, {}, 60.0),
    ],
    ids=[
        "reset-30s",
        "reset-60s",
        "reset-past",
        "retry-after",
        "403-ra",
        "bare",
    ],
)
def test_rate_limits_wait_as_told(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    sleeps: Sleeps,
    status: int,
    headers: dict[str, str],
    expected_wait: float,
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_json(
        {"message": "API rate limit exceeded"}, status=status, headers=headers
    )
    httpserver.expect_request(COMMENTS).respond_with_json([])

    assert make_client(max_wait=60.0).list_issue_comments("acme/shop", 7) == ()
    assert sleeps == [expected_wait]
    assert len(httpserver.log) == 2


def test_a_secondary_rate_limit_message_without_headers_waits(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_oneshot_request(COMMENTS, method="POST").respond_with_json(
        {"message": "You have exceeded a secondary rate limit."}, status=403
    )
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(comment_json(1))

    make_client().create_issue_comment("acme/shop", 7, "x")
    assert sleeps == [60.0]  # GitHub: at least a minute


def test_a_rate_limit_that_does_not_lift_ends_in_one_clear_error(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_json(
        {"message": "API rate limit exceeded"},
        status=403,
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 20)},
    )
    with pytest.raises(GitHubError, match="rate limit") as caught:
        make_client().list_issue_comments("acme/shop", 7)
    assert caught.value.status == 403
    assert "resets at 22:13:40 UTC" in str(caught.value)
    assert len(httpserver.log) == 4
    assert sleeps == [20.0, 20.0, 20.0]


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        ({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW) + 3600)},
         "it resets at 23:13:20 UTC, more than 60 s from now"),
        ({"Retry-After": "600"}, "GitHub asks to wait 600 s"),
    ],
    ids=["reset-in-an-hour", "retry-after-10-minutes"],
)
def test_a_rate_limit_that_lifts_only_after_the_longest_wait_stops_at_once(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    sleeps: Sleeps,
    headers: dict[str, str],
    said: str,
) -> None:
    """GitHub: do not retry before the reset. Retrying every minute for an hour's limit only
    burns the job's time and counts against the integration; one clear line at once instead."""
    httpserver.expect_request(COMMENTS).respond_with_json(
        {"message": "API rate limit exceeded for installation ID 1."}, status=403, headers=headers
    )
    with pytest.raises(GitHubError, match="rate limit") as caught:
        make_client(max_wait=60.0).list_issue_comments("acme/shop", 7)

    assert caught.value.status == 403
    assert said in str(caught.value)
    assert "\n" not in str(caught.value)
    assert len(httpserver.log) == 1
    assert sleeps == []


# -- errors that are not retried, and the token --------------------------------------------------


@pytest.mark.parametrize(
    ("status", "payload", "expected"),
    [
        (401, {"message": "Bad credentials"}, "GitHub rejected the token (401)"),
        (403, {"message": "Resource not accessible by integration"}, "pull-requests: write"),
        (404, {"message": "Not Found"}, "not found, or the token cannot see it"),
        (422, {"message": "Validation Failed", "errors": [{"message": "body is too long"}]}, "422"),
        (400, {"message": "Problems parsing JSON"}, "400"),
    ],
)
def test_client_errors_fail_at_once_with_one_line_and_exit_code_3(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    sleeps: Sleeps,
    status: int,
    payload: dict[str, Any],
    expected: str,
) -> None:
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(payload, status=status)

    with pytest.raises(GitHubError) as caught:
        make_client().create_issue_comment("acme/shop", 7, "body")

    error = caught.value
    assert error.status == status
    assert error.exit_code == ExitCode.BAD_INPUT
    assert ExitCode.BAD_INPUT.value == 3
    assert expected in str(error)
    assert "\n" not in str(error)
    assert len(httpserver.log) == 1
    assert sleeps == []


def provoke_401(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_json({"message": "Bad credentials"}, status=401)


def provoke_403(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_json({"message": "Forbidden"}, status=403)


def provoke_404(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_json({"message": "Not Found"}, status=404)


def provoke_422_echoing_the_token(server: HTTPServer) -> None:
    # Even if GitHub (or a proxy) echoed the credentials back, they must not reach the user.
    server.expect_request(COMMENTS).respond_with_json(
        {"message": f"bad header Authorization: Bearer {TOKEN}"}, status=422
    )


def provoke_5xx(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_data("down", status=500)


def provoke_rate_limit(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_json(
        {"message": "slow down"}, status=429, headers={"Retry-After": "1"}
    )


def provoke_not_json(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_data("<html>proxy</html>", status=200)


def provoke_foreign_link(server: HTTPServer) -> None:
    server.expect_request(COMMENTS).respond_with_json(
        [], headers={"Link": '<https://evil.example/?page=2>; rel="next"'}
    )


@pytest.mark.parametrize(
    "provoke",
    [
        provoke_401,
        provoke_403,
        provoke_404,
        provoke_422_echoing_the_token,
        provoke_5xx,
        provoke_rate_limit,
        provoke_not_json,
        provoke_foreign_link,
    ],
)
def test_the_token_never_appears_in_errors_or_output(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    provoke: Callable[[HTTPServer], None],
) -> None:
    caplog.set_level(logging.DEBUG)
    provoke(httpserver)
    client = make_client()

    with pytest.raises(GitHubError) as caught:
        client.list_issue_comments("acme/shop", 7)

    captured = capsys.readouterr()
    assert TOKEN not in str(caught.value)
    assert TOKEN not in repr(caught.value)
    assert TOKEN not in repr(client)
    assert TOKEN not in captured.out + captured.err
    assert TOKEN not in caplog.text
    assert httpserver.log, "the server was reached"
    assert_authorized(httpserver)


def test_the_token_is_not_in_a_connection_failure(
    http: httpx.Client, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = GitHubClient(
        http, TOKEN, api_url=f"http://127.0.0.1:{free_port()}", sleep=lambda _: None
    )
    with pytest.raises(GitHubError, match="cannot reach GitHub") as caught:
        client.create_issue_comment("acme/shop", 7, "body")
    captured = capsys.readouterr()
    assert caught.value.status is None
    assert TOKEN not in str(caught.value) + captured.out + captured.err + caplog.text


# -- inputs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["acme", "acme/shop/x", "../etc", "acme/..", "a b/c", ""])
def test_repository_names_are_checked(name: str) -> None:
    with pytest.raises(UsageError):
        check_repository(name)


def test_plain_http_is_refused_except_on_loopback() -> None:
    assert check_api_url("https://ghe.example/api/v3/") == "https://ghe.example/api/v3"
    assert check_api_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    with pytest.raises(UsageError, match="plain http"):
        check_api_url("http://ghe.example/api/v3")
    with pytest.raises(UsageError):
        check_api_url("ftp://ghe.example")
    for hostless in ("https://", "https://:8443/api"):
        with pytest.raises(UsageError, match="no host"):
            check_api_url(hostless)


@pytest.mark.parametrize("url", [
    "https://user:s3cret@ghe.example/api/v3", "https://s3cret@ghe.example",
    "http://user:s3cret@ghe.example", "ftp://user:s3cret@ghe.example",
])
def test_an_api_url_with_credentials_is_refused_without_echoing_them(url: str) -> None:
    # they would be printed in every "cannot reach GitHub at ..." line of the job's log
    with pytest.raises(UsageError, match="credentials") as refused:
        check_api_url(url)
    assert "s3cret" not in str(refused.value)


def test_a_post_that_timed_out_after_sending_is_not_repeated(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response(json.dumps(comment_json(1)), status=201, content_type="application/json")

    httpserver.expect_request(COMMENTS, method="POST").respond_with_handler(slow)

    with pytest.raises(GitHubError, match="may have been created") as caught:
        make_client(timeout=httpx.Timeout(0.2)).create_issue_comment("acme/shop", 7, "body")

    assert TOKEN not in str(caught.value)
    assert sleeps == []
    time.sleep(0.4)  # let the server finish before it is checked and stopped
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("there", [True, False], ids=["found", "not-yet"])
def test_a_post_that_timed_out_is_looked_for_but_never_sent_again(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps, there: bool
) -> None:
    """No answer in time: GitHub may still be creating the comment, so not finding it yet is
    no reason to send it again (a slow server would then hold two)."""
    def slow(request: Request) -> Response:
        time.sleep(0.5)
        return Response(json.dumps(comment_json(1)), status=201, content_type="application/json")

    httpserver.expect_request(COMMENTS, method="POST").respond_with_handler(slow)
    found = IssueComment(id=1, body="body", url="u")
    looks: list[bool] = []

    def find_posted() -> IssueComment | None:
        looks.append(there)
        return found if there else None

    client = make_client(timeout=httpx.Timeout(0.2))
    if there:
        assert client.create_issue_comment("acme/shop", 7, "body", find_posted=find_posted) == found
    else:
        with pytest.raises(GitHubError, match=r"timed out .* may have been created"):
            client.create_issue_comment("acme/shop", 7, "body", find_posted=find_posted)
    assert looks == [there]
    assert sleeps == []
    time.sleep(0.4)  # let the server finish before it is checked and stopped
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("answer", ["<html>Created</html>", "{}", '{"id": "x"}'])
def test_a_creation_whose_success_answer_is_unusable_is_looked_for_not_failed(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], answer: str
) -> None:
    """201 says it was created; an answer that does not say as what (a proxy's page, no id)
    is no reason to fail the step when the comment is there."""
    httpserver.expect_request(COMMENTS, method="POST").respond_with_data(answer, status=201)
    found = IssueComment(id=3, body="body", url="u")

    comment = make_client().create_issue_comment(
        "acme/shop", 7, "body", find_posted=lambda: found
    )

    assert comment == found
    assert len(httpserver.log) == 1
    with pytest.raises(GitHubError, match="unexpected answer"):  # not there: as before
        make_client().create_issue_comment("acme/shop", 7, "body", find_posted=lambda: None)
    assert len(httpserver.log) == 2


def test_a_post_cut_off_after_sending_is_looked_for_before_it_is_sent_again(
    raw_server: Callable[..., RawServer], http: httpx.Client, sleeps: Sleeps
) -> None:
    """The connection drops after the request went out (a reset, a proxy hanging up): the
    comment may exist. It is sent again only when looking for it finds nothing."""
    server = raw_server(lambda send: None)  # reads the request, closes without an answer
    client = GitHubClient(http, TOKEN, api_url=server.url, sleep=sleeps)
    found = IssueComment(id=5, body="body", url="u")
    looks: list[int] = []

    def find_posted() -> IssueComment | None:
        looks.append(server.connections)
        return found if len(looks) == 2 else None

    assert client.create_issue_comment("acme/shop", 7, "body", find_posted=find_posted) == found
    assert looks == [1, 2]  # looked after each lost answer; sent again only after the first
    assert server.connections == 2
    assert sleeps == [1.0, 2.0]


# -- an overall deadline, redirect loops, bodies that are too big, not UTF-8 or too deep ------


class RawServer:
    """A loopback server that answers each connection with ``answer(send)`` and a fixed pace:
    for what werkzeug will not do (drip a status line a byte at a time). Bounded: it stops
    writing when the client hangs up, and after ``limit`` seconds in any case."""

    def __init__(self, answer: Callable[[Callable[[bytes], None]], None], limit: float = 5.0):
        self.answer = answer
        self.limit = limit
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.stopping = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _serve(self) -> None:
        while not self.stopping:
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            self._answer(connection)

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(self.limit)
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = connection.recv(4096)
            if not chunk:
                break
            request += chunk
        ends = time.monotonic() + self.limit

        def send(data: bytes) -> None:
            if self.stopping or time.monotonic() > ends:
                raise ConnectionError("enough")
            connection.sendall(data)

        self.answer(send)

    def stop(self) -> None:
        self.stopping = True
        self.thread.join(5)
        self.listener.close()


@pytest.fixture
def raw_server() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(answer: Callable[[Callable[[bytes], None]], None]) -> RawServer:
        servers.append(RawServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def drip(send: Callable[[bytes], None], data: bytes, every: float = 0.1) -> None:
    for byte in data:
        send(bytes([byte]))
        time.sleep(every)


def test_a_body_sent_a_byte_at_a_time_is_cut_off_at_the_deadline(
    raw_server: Callable[..., RawServer], http: httpx.Client, sleeps: Sleeps
) -> None:
    body = json.dumps([comment_json(1)]).encode()

    def answer(send: Callable[[bytes], None]) -> None:
        send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        send(b"Content-Length: %d\r\n\r\n" % len(body))
        drip(send, body)  # each byte well within the 2 s read timeout

    server = raw_server(answer)
    client = GitHubClient(
        http, TOKEN, api_url=server.url, timeout=httpx.Timeout(2.0), deadline=0.6, sleep=sleeps
    )
    started = time.monotonic()
    with pytest.raises(GitHubError, match="did not answer in time") as caught:
        client.list_issue_comments("acme/shop", 7)

    # the drip alone takes 16 s; a loaded machine may be slow, never that slow
    assert time.monotonic() - started < 5
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert server.connections == 1 and sleeps == []  # not retried
    assert "\n" not in str(caught.value)


def test_a_status_line_sent_a_byte_at_a_time_is_cut_off_too(
    raw_server: Callable[..., RawServer], http: httpx.Client
) -> None:
    server = raw_server(  # 12 s of status line and headers
        lambda send: drip(send, b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n[]", every=0.3)
    )
    client = GitHubClient(http, TOKEN, api_url=server.url, timeout=httpx.Timeout(2.0), deadline=0.6)
    started = time.monotonic()
    with pytest.raises(GitHubError, match="did not answer in time"):
        client.update_issue_comment("acme/shop", 42, "body")
    assert time.monotonic() - started < 5


def test_a_post_past_its_deadline_is_not_repeated_and_says_so(
    raw_server: Callable[..., RawServer], http: httpx.Client
) -> None:
    server = raw_server(lambda send: drip(send, b"HTTP/1.1 201 Created\r\n\r\n"))
    client = GitHubClient(http, TOKEN, api_url=server.url, deadline=0.5, sleep=lambda _: None)
    with pytest.raises(GitHubError, match="may have been created"):
        client.create_issue_comment("acme/shop", 7, "body")
    assert server.connections == 1


def test_an_answer_within_the_deadline_is_read_whole(
    raw_server: Callable[..., RawServer], http: httpx.Client
) -> None:
    body = json.dumps([comment_json(3)]).encode()

    def answer(send: Callable[[bytes], None]) -> None:
        send(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body))
        for start in range(0, len(body), 40):
            send(body[start : start + 40])
            time.sleep(0.01)

    server = raw_server(answer)
    client = GitHubClient(http, TOKEN, api_url=server.url, deadline=5.0)
    assert [c.id for c in client.list_issue_comments("acme/shop", 7)] == [3]


def test_a_redirect_loop_is_one_clear_error(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for(COMMENTS)}
    )
    with pytest.raises(GitHubError, match="redirected too many times") as caught:
        make_client().list_issue_comments("acme/shop", 7)
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert len(httpserver.log) == 21  # httpx's limit of 20 redirects; not retried
    assert sleeps == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'[{"id": 1, "body": "caf\xe9"}]', "not UTF-8"),
        (b"\xff\xfe[\x00]\x00", "not UTF-8"),
        (b"<html>", "not JSON"),
    ],
    ids=["nested", "latin-1", "utf-16", "html"],
)
def test_a_body_that_cannot_be_read_as_json_is_one_error(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], body: bytes, expected: str
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_data(body, content_type="application/json")
    with pytest.raises(GitHubError, match=expected) as caught:
        make_client().list_issue_comments("acme/shop", 7)
    assert caught.value.exit_code == ExitCode.BAD_INPUT


def test_a_deeply_nested_error_body_still_gives_the_status_message(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request(COMMENTS, method="POST").respond_with_data(
        "[" * 100_000, status=422, content_type="application/json"
    )
    with pytest.raises(GitHubError, match=r"GitHub rejected .* \(422\)"):
        make_client().create_issue_comment("acme/shop", 7, "body")


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_an_answer_larger_than_the_limit_is_not_read(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], declared: bool
) -> None:
    body = json.dumps([comment_json(i, "x" * 500) for i in range(20)]).encode()

    def handler(request: Request) -> Response:
        if declared:
            return Response(body, content_type="application/json")
        return Response(iter([body[:5000], body[5000:]]), content_type="application/json")

    httpserver.expect_request(COMMENTS).respond_with_handler(handler)
    with pytest.raises(GitHubError, match="larger than 4,096 bytes"):
        make_client(max_body=4096).list_issue_comments("acme/shop", 7)
    assert len(httpserver.log) == 1
    assert len(make_client().list_issue_comments("acme/shop", 7)) == 20


def test_a_nonsense_rate_limit_reset_time_still_gives_one_line(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_json(
        {"message": "API rate limit exceeded"},
        status=403,
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1e300"},
    )
    with pytest.raises(GitHubError, match="rate limit exceeded") as caught:
        make_client().list_issue_comments("acme/shop", 7)
    assert "\n" not in str(caught.value)


def test_a_next_page_link_that_is_not_a_url_is_one_error(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_json(
        [comment_json(1)], headers={"Link": '<http://[::1>; rel="next"'}
    )
    with pytest.raises(GitHubError, match="next-page link"):
        make_client().list_issue_comments("acme/shop", 7)


def test_next_page_links_that_go_round_in_a_loop_are_one_error(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    def handler(request: Request) -> Response:
        page = int(request.args.get("page", "1"))
        following = httpserver.url_for(COMMENTS) + f"?per_page=100&page={page % 3 + 1}"
        return Response(
            json.dumps([comment_json(page)]),
            headers={"Link": f'<{following}>; rel="next"'},
            content_type="application/json",
        )

    httpserver.expect_request(COMMENTS).respond_with_handler(handler)
    with pytest.raises(GitHubError, match="loop"):
        make_client().list_issue_comments("acme/shop", 7)
    assert len(httpserver.log) == 4  # page 1 (no page=), 2, 3, then page=1 by link: new URL


@pytest.mark.parametrize(("pages", "fails"), [(3, False), (4, True)])
def test_the_number_of_pages_is_bounded(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    monkeypatch: pytest.MonkeyPatch,
    pages: int,
    fails: bool,
) -> None:
    import impactgraph.adapters.github as github

    monkeypatch.setattr(github, "MAX_PAGES", 3)

    def handler(request: Request) -> Response:
        page = int(request.args.get("page", "1"))
        headers = {}
        if page < pages:
            following = httpserver.url_for(COMMENTS) + f"?per_page=100&page={page + 1}"
            headers["Link"] = f'<{following}>; rel="next"'
        return Response(
            json.dumps([comment_json(page)]), headers=headers, content_type="application/json"
        )

    httpserver.expect_request(COMMENTS).respond_with_handler(handler)
    if fails:
        with pytest.raises(GitHubError, match="too many pages"):
            make_client().list_issue_comments("acme/shop", 7)
    else:
        assert len(make_client().list_issue_comments("acme/shop", 7)) == 3
    assert len(httpserver.log) == 3


def test_one_deadline_covers_every_attempt_of_a_call(
    raw_server: Callable[..., RawServer], http: httpx.Client
) -> None:
    """A server that accepts and never answers: each attempt ends at the read timeout, and
    the retries stop when the call's deadline is spent, not after four full timeouts."""
    server = raw_server(lambda send: time.sleep(3))
    client = GitHubClient(
        http, TOKEN, api_url=server.url, timeout=httpx.Timeout(0.4), deadline=1.0,
        backoff=0.05, sleep=time.sleep,
    )
    with pytest.raises(GitHubError, match=r"did not answer in time|timed out") as caught:
        client.list_issue_comments("acme/shop", 7)

    assert 2 <= server.connections <= 3  # four attempts without the deadline
    assert caught.value.exit_code == ExitCode.BAD_INPUT


def test_waits_that_github_asks_for_do_not_count_against_the_deadline(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_json(
        {"message": "slow down"}, status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_request(COMMENTS).respond_with_json([comment_json(1)])
    client = make_client(deadline=0.8, sleep=time.sleep)
    assert [c.id for c in client.list_issue_comments("acme/shop", 7)] == [1]


# Run in a process of its own: under pytest the main thread happens to wake by itself.
_CTRL_C_ON_THE_REQUEST_THREAD = """
import signal, sys, threading, time
import httpx
from impactgraph.adapters.github import GitHubClient

release = threading.Event()

def handler(request):  # runs on the request's thread
    time.sleep(0.5)  # the main thread is waiting by now
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    release.wait(30)
    return httpx.Response(200, json=[])

with httpx.Client(transport=httpx.MockTransport(handler)) as http:
    client = GitHubClient(http, "t", api_url="https://api.github.com", deadline=20.0)
    started = time.monotonic()
    try:
        client.list_issue_comments("acme/shop", 7)
    except KeyboardInterrupt:
        print(round(time.monotonic() - started, 1))
"""


def test_a_ctrl_c_that_lands_on_the_request_thread_still_interrupts_at_once() -> None:
    """Any thread of a process may receive its SIGINT. Python raises KeyboardInterrupt in the
    main thread only, once that thread runs Python code again: a main thread asleep until the
    call's deadline would leave a Ctrl-C unanswered for up to a minute."""
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_ON_THE_REQUEST_THREAD],
        capture_output=True, text=True, timeout=60, check=False,
        preexec_fn=sigint_as_in_a_terminal,
    )
    assert done.stderr == ""
    assert float(done.stdout) < 5


# -- Retry-After on server errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_after", "expected_wait"),
    [
        ("7", 7.0),
        ("0", 1.0),  # never sooner than the backoff
        ("Tue, 14 Nov 2023 22:13:35 GMT", 15.0),  # an HTTP date: NOW + 15 s
    ],
    ids=["seconds", "zero", "date"],
)
def test_a_server_error_with_retry_after_waits_as_told(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    sleeps: Sleeps,
    retry_after: str,
    expected_wait: float,
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_data(
        "<html>Service Unavailable</html>", status=503, content_type="text/html",
        headers={"Retry-After": retry_after},
    )
    httpserver.expect_request(COMMENTS).respond_with_json([comment_json(1)])

    assert [c.id for c in make_client().list_issue_comments("acme/shop", 7)] == [1]
    assert sleeps == [expected_wait]


def test_a_post_answered_503_with_retry_after_waits_then_looks_before_sending_again(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_oneshot_request(COMMENTS, method="POST").respond_with_data(
        "busy", status=503, headers={"Retry-After": "12"}
    )
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(
        comment_json(8), status=201
    )
    looked: list[float] = []

    def not_there() -> None:
        looked.append(sleeps[-1])

    comment = make_client().create_issue_comment("acme/shop", 7, "body", find_posted=not_there)

    assert comment.id == 8
    assert sleeps == [12.0]
    assert looked == [12.0]  # after the wait GitHub asked for, before the comment is resent


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_server_error_asking_for_a_longer_wait_than_the_longest_stops_at_once(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps, status: int
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_data(
        "down for maintenance", status=status, headers={"Retry-After": "600"}
    )
    with pytest.raises(GitHubError) as caught:
        make_client(max_wait=60.0).list_issue_comments("acme/shop", 7)

    message = str(caught.value)
    assert caught.value.status == status
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert "600 s" in message
    assert "try again after 22:23:20 UTC" in message  # NOW + 600 s
    assert "\n" not in message
    assert len(httpserver.log) == 1
    assert sleeps == []


def test_a_waiting_server_error_still_gives_up_after_four_attempts(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_data(
        "busy", status=503, headers={"Retry-After": "5"}
    )
    with pytest.raises(GitHubError, match=r"failed 4 times \(503\)"):
        make_client().list_issue_comments("acme/shop", 7)
    assert sleeps == [5.0, 5.0, 5.0]


@pytest.mark.parametrize("value", ["1e308", "-5", "soon", "Mon, 99 Foo 2023 99:99:99 GMT", "inf"])
def test_a_nonsense_retry_after_on_a_server_error_falls_back_to_the_backoff(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps, value: str
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_data(
        "busy", status=503, headers={"Retry-After": value}
    )
    httpserver.expect_request(COMMENTS).respond_with_json([])
    try:
        make_client().list_issue_comments("acme/shop", 7)
    except GitHubError as error:  # a wait too long to make: one line, no traceback
        assert "\n" not in str(error)
        assert sleeps == []
    else:
        assert sleeps == [1.0]


def test_a_waited_server_error_does_not_count_against_the_deadline(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_data(
        "busy", status=503, headers={"Retry-After": "1"}
    )
    httpserver.expect_request(COMMENTS).respond_with_json([comment_json(1)])
    client = make_client(deadline=0.8, sleep=time.sleep)
    assert [c.id for c in client.list_issue_comments("acme/shop", 7)] == [1]


def test_retry_after_and_a_later_reset_wait_for_the_later_of_the_two(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_oneshot_request(COMMENTS).respond_with_json(
        {"message": "API rate limit exceeded"},
        status=403,
        headers={
            "Retry-After": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": str(int(NOW) + 30),
        },
    )
    httpserver.expect_request(COMMENTS).respond_with_json([])
    make_client().list_issue_comments("acme/shop", 7)
    assert sleeps == [30.0]


def test_a_rate_limit_retry_after_too_long_says_when_to_retry(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(
        {"message": "You have exceeded a secondary rate limit."},
        status=429,
        headers={"Retry-After": "120"},
    )
    with pytest.raises(GitHubError) as caught:
        make_client().create_issue_comment("acme/shop", 7, "body")
    assert "try again after 22:15:20 UTC" in str(caught.value)
    assert sleeps == []
    assert len(httpserver.log) == 1


# -- secondary rate limits without Retry-After ----------------------------------------------

SECONDARY = {"message": "You have exceeded a secondary rate limit. Please wait a few minutes "
             "before you try again."}
ABUSE = {"message": "You have triggered an abuse detection mechanism. Please wait a few "
         "minutes before you try again."}


@pytest.mark.parametrize(("status", "payload"), [(403, SECONDARY), (429, SECONDARY), (403, ABUSE)])
def test_a_secondary_rate_limit_that_goes_on_waits_a_minute_once_then_says_when_to_retry(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    sleeps: Sleeps,
    status: int,
    payload: dict[str, str],
) -> None:
    """GitHub: wait at least a minute, then exponentially longer while it goes on, and give up
    after a few tries. The next wait (2 minutes) is longer than this run waits: stop there."""
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(payload, status=status)

    with pytest.raises(GitHubError, match="rate limit") as caught:
        make_client().create_issue_comment("acme/shop", 7, "body")

    message = str(caught.value)
    assert sleeps == [60.0]
    assert len(httpserver.log) == 2
    assert caught.value.status == status
    assert "try again after 22:15:20 UTC" in message  # NOW + 120 s: the next wait
    assert "\n" not in message


def test_a_secondary_rate_limit_keeps_growing_across_the_calls_of_a_run(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_oneshot_request(COMMENTS, method="GET").respond_with_json(
        SECONDARY, status=403
    )
    httpserver.expect_request(COMMENTS, method="GET").respond_with_json([])
    httpserver.expect_request(COMMENTS, method="POST").respond_with_json(SECONDARY, status=403)
    client = make_client()

    assert client.list_issue_comments("acme/shop", 7) == ()
    with pytest.raises(GitHubError, match="rate limit"):
        client.create_issue_comment("acme/shop", 7, "body")

    assert sleeps == [60.0]  # the POST's limit would need 2 minutes: not waited
    assert [m for m, _, _ in received(httpserver)] == ["GET", "GET", "POST"]


def test_a_secondary_rate_limit_is_not_retried_sooner_than_a_minute(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    httpserver.expect_request(COMMENTS).respond_with_json(SECONDARY, status=403)
    with pytest.raises(GitHubError, match="rate limit") as caught:
        make_client(max_wait=45.0).list_issue_comments("acme/shop", 7)
    assert sleeps == []
    assert len(httpserver.log) == 1
    assert "try again after 22:14:20 UTC" in str(caught.value)


def test_the_waits_of_a_run_are_bounded_in_all(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient], sleeps: Sleeps
) -> None:
    """Each answer asks for 50 s, and each retry is answered: still not 50 s for every page."""
    answered: list[int] = []

    def handler(request: Request) -> Response:
        answered.append(1)
        if len(answered) % 2:
            return Response(json.dumps(SECONDARY), status=429, headers={"Retry-After": "50"},
                            content_type="application/json")
        page = int(request.args.get("page", "1"))
        following = httpserver.url_for(COMMENTS) + f"?per_page=100&page={page + 1}"
        return Response(json.dumps([comment_json(page)]), content_type="application/json",
                        headers={"Link": f'<{following}>; rel="next"'})

    httpserver.expect_request(COMMENTS).respond_with_handler(handler)
    with pytest.raises(GitHubError, match="rate limit") as caught:
        make_client().list_issue_comments("acme/shop", 7)
    assert sum(sleeps) <= 180.0
    assert sleeps == [50.0, 50.0, 50.0]
    assert "\n" not in str(caught.value)


# -- a connection reset half-way through the answer ------------------------------------------------


def reset_halfway_then(body: bytes, status: str = "200 OK") -> Callable[..., Any]:
    """An answer that the first connection cuts off with a reset after a few bytes of its body;
    later connections get it whole."""
    connections: list[int] = []

    def answer(send: Callable[[bytes], None]) -> None:
        connections.append(1)
        head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
        send(head.encode() + b"Content-Length: %d\r\n\r\n" % len(body))
        if len(connections) == 1:
            send(body[:5])
            raise ConnectionResetError  # the handler closes the socket mid-body
        send(body)

    return answer


def test_a_listing_reset_mid_body_is_retried(
    raw_server: Callable[..., RawServer], http: httpx.Client, sleeps: Sleeps
) -> None:
    server = raw_server(reset_halfway_then(json.dumps([comment_json(4)]).encode()))
    client = GitHubClient(http, TOKEN, api_url=server.url, sleep=sleeps)
    assert [c.id for c in client.list_issue_comments("acme/shop", 7)] == [4]
    assert server.connections == 2
    assert sleeps == [1.0]


def test_a_creation_reset_mid_answer_is_looked_for_not_sent_twice(
    raw_server: Callable[..., RawServer], http: httpx.Client, sleeps: Sleeps
) -> None:
    server = raw_server(reset_halfway_then(json.dumps(comment_json(5)).encode(), "201 Created"))
    client = GitHubClient(http, TOKEN, api_url=server.url, sleep=sleeps)
    found = IssueComment(id=5, body="body", url="u")

    assert client.create_issue_comment("acme/shop", 7, "body", find_posted=lambda: found) == found
    assert server.connections == 1


# -- a creation GitHub failed on for the last time is looked for before the run gives up -------


@pytest.mark.parametrize("retry_after", [None, "600"], ids=["four-times", "long-wait"])
def test_a_creation_that_went_through_on_the_last_failure_is_found_not_failed(
    httpserver: HTTPServer,
    make_client: Callable[..., GitHubClient],
    sleeps: Sleeps,
    retry_after: str | None,
) -> None:
    """Each 5xx here went through only on the last attempt GitHub gets: it is there, and the
    run that stops has nothing to stop for."""
    attempts = 1 if retry_after else 4
    created: list[str] = []

    def handler(request: Request) -> Response:
        if len(httpserver.log) + 1 == attempts:
            created.append(request.get_json()["body"])
        headers = {"Retry-After": retry_after} if retry_after else {}
        return Response("busy", status=503, headers=headers)

    httpserver.expect_request(COMMENTS, method="POST").respond_with_handler(handler)

    def find_posted() -> IssueComment | None:
        return IssueComment(id=1, body=created[-1], url="u") if created else None

    comment = make_client().create_issue_comment("acme/shop", 7, "body", find_posted=find_posted)

    assert comment == IssueComment(id=1, body="body", url="u")
    assert created == ["body"]
    assert len(httpserver.log) == attempts


def test_pages_that_repeat_under_new_links_are_a_loop(
    httpserver: HTTPServer, make_client: Callable[..., GitHubClient]
) -> None:
    """A server that ignores ``page`` and always links to the next number: the same comments
    again and again, 1,000 requests before the page limit; the second page says enough."""

    def handler(request: Request) -> Response:
        page = int(request.args.get("page", "1"))
        following = httpserver.url_for(COMMENTS) + f"?per_page=100&page={page + 1}"
        return Response(json.dumps([comment_json(1), comment_json(2)]),
                        headers={"Link": f'<{following}>; rel="next"'},
                        content_type="application/json")

    httpserver.expect_request(COMMENTS).respond_with_handler(handler)
    with pytest.raises(GitHubError, match="loop"):
        make_client().list_issue_comments("acme/shop", 7)
    assert len(httpserver.log) == 2
