"""The HTTP driver over MockTransport: errors, retries, auth scope, escaping, logging."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import httpx
import pytest
from wrapper_helpers import API, KEY, Recorder, make_client, resolve

import browser_use_cloud as bu

pytestmark = pytest.mark.anyio

TASK = {
    "id": "t1",
    "task": "x",
    "status": "finished",
    "output": "done",
    "created_at": "2025-07-29T10:00:00Z",
    "steps": [],
}


def ok(body: Any = None, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, bu.BadRequestError),
        (401, bu.AuthenticationError),
        (402, bu.PaymentRequiredError),
        (403, bu.PermissionDeniedError),
        (404, bu.NotFoundError),
        (409, bu.ConflictError),
        (418, bu.APIStatusError),
        (500, bu.InternalServerError),
        (520, bu.InternalServerError),
    ],
)
async def test_status_codes_map_to_typed_errors(kind: str, status: int, error: type) -> None:
    handler = Recorder(ok({"detail": "Task not found"}, status))
    client = make_client(kind, handler, max_retries=0)
    with pytest.raises(error) as info:
        await resolve(client.scheduled_tasks.get("t1"))
    exc = info.value
    assert type(exc) is error
    assert exc.status_code == status and exc.detail == "Task not found"
    assert exc.method == "GET" and exc.url == f"{API}/scheduled-task/t1"
    assert "Task not found" in str(exc) and KEY not in str(exc)


async def test_html_error_page_still_becomes_a_typed_error(kind: str) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1>" + b"x" * 5000 + b"</body></html>"
    client = make_client(kind, Recorder(httpx.Response(502, content=page)), max_retries=0)
    with pytest.raises(bu.InternalServerError) as info:
        await resolve(client.ping())
    assert info.value.detail is None
    assert info.value.body.startswith("<html>") and len(info.value.body) <= 500
    assert "502 Bad Gateway" in str(info.value)


async def test_422_lists_field_errors_and_hides_secret_values(kind: str) -> None:
    detail = [
        {"loc": ["body", "task"], "msg": "Field required", "type": "missing", "input": {}},
        {
            "loc": ["body", "secrets", "pw"],
            "msg": "Input should be a valid string",
            "type": "string_type",
            "input": "hunter2-secret",
        },
        {
            "loc": ["body"],
            "msg": "bad",
            "type": "x",
            "input": {"secrets": {"pw": "hunter2-secret"}},
        },
    ]
    client = make_client(kind, Recorder(ok({"detail": detail}, 422)))
    with pytest.raises(bu.UnprocessableEntityError) as info:
        await resolve(client.search.simple("q"))
    exc = info.value
    assert exc.errors[0] == (("body", "task"), "Field required")
    assert exc.errors[1][0] == ("body", "secrets", "pw")
    assert "hunter2-secret" not in json.dumps(exc.detail) + str(exc)
    assert "body.task: Field required" in str(exc)


async def test_rate_limit_is_retried_honouring_retry_after(kind: str) -> None:
    handler = Recorder(ok({"detail": "slow down"}, 429, **{"Retry-After": "0"}), ok(TASK))
    handler.responses = [handler.responses[0], handler.responses[0], ok(True)]
    client = make_client(kind, handler)
    assert await resolve(client.me()) is True
    assert len(handler.requests) == 3


async def test_retry_after_above_the_cap_raises_at_once(kind: str) -> None:
    handler = Recorder(ok({"detail": "later"}, 429, **{"Retry-After": "3600"}))
    client = make_client(kind, handler)
    with pytest.raises(bu.RateLimitError) as info:
        await resolve(client.balance())
    assert info.value.retry_after == 3600.0
    assert len(handler.requests) == 1


async def test_concurrency_limit_is_raised_not_retried(kind: str) -> None:
    body = {"detail": "Too many concurrent active sessions"}
    handler = Recorder(ok(body, 429, **{"Retry-After": "0"}))
    client = make_client(kind, handler)
    with pytest.raises(bu.ConcurrencyLimitError):
        await resolve(client.balance())
    assert len(handler.requests) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
async def test_idempotent_calls_retry_server_errors_up_to_the_budget(
    kind: str, status: int
) -> None:
    handler = Recorder(ok({"detail": "oops"}, status))
    client = make_client(kind, handler, max_retries=2)
    with pytest.raises(bu.APIStatusError):
        await resolve(client.browser_profiles.get("p1"))
    assert len(handler.requests) == 3


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_billable_posts_are_not_retried_after_ambiguous_errors(
    kind: str, status: int
) -> None:
    handler = Recorder(ok({"detail": "oops"}, status, **{"Retry-After": "0"}))
    client = make_client(kind, handler)
    with pytest.raises(bu.InternalServerError):
        await resolve(client.scheduled_tasks.create("t", interval_minutes=5))
    assert len(handler.requests) == 1


async def test_billable_posts_retry_when_nothing_was_sent(kind: str) -> None:
    handler = Recorder(httpx.ConnectError("refused"), ok({"id": "s1"}))
    client = make_client(kind, handler)
    assert await resolve(client.scheduled_tasks.create("t", interval_minutes=5)) == "s1"
    assert len(handler.requests) == 2


async def test_billable_posts_do_not_retry_a_read_timeout(kind: str) -> None:
    handler = Recorder(httpx.ReadTimeout("slow"), ok({"results": []}))
    client = make_client(kind, handler)
    with pytest.raises(bu.APITimeoutError):
        await resolve(client.search.simple("q"))
    assert len(handler.requests) == 1


async def test_connection_errors_after_retries(kind: str) -> None:
    handler = Recorder(httpx.RemoteProtocolError("dropped"))
    client = make_client(kind, handler, max_retries=2)
    with pytest.raises(bu.APIConnectionError) as info:
        await resolve(client.scheduled_tasks.get("s"))
    assert not isinstance(info.value, bu.APITimeoutError)
    assert "after 3 attempts" in str(info.value)
    assert len(handler.requests) == 3


async def test_path_parameters_are_escaped(kind: str) -> None:
    handler = Recorder(ok({"detail": "no"}, 404))
    client = make_client(kind, handler)
    with pytest.raises(bu.NotFoundError):
        await resolve(client.scheduled_tasks.get("../me?x=1#y"))
    assert handler.requests[0].url.raw_path == b"/api/v1/scheduled-task/..%2Fme%3Fx%3D1%23y"


async def test_empty_bodies_are_accepted(kind: str) -> None:
    handler = Recorder(httpx.Response(200, content=b""))
    client = make_client(kind, handler)
    assert await resolve(client.ping()) is None
    assert await resolve(client.scheduled_tasks.delete("s1")) is None
    assert await resolve(client.delete_browser_profile_for_user()) is None
    assert handler.requests[-1].method == "POST"
    assert handler.requests[-1].url.path == "/api/v1/delete-browser-profile-for-user"


async def test_unreadable_success_body(kind: str) -> None:
    client = make_client(kind, Recorder(httpx.Response(200, content=b"<html>ok</html>")))
    with pytest.raises(bu.APIResponseValidationError, match="cannot read"):
        await resolve(client.balance())
    client = make_client(kind, Recorder(ok({"unexpected": 1})))
    with pytest.raises(bu.APIResponseValidationError):
        await resolve(client.scheduled_tasks.get("s"))


async def test_me_is_false_for_a_rejected_key(kind: str) -> None:
    client = make_client(kind, Recorder(ok(False, 401)))
    assert await resolve(client.me()) is False


async def test_redirects_are_not_followed(kind: str) -> None:
    handler = Recorder(httpx.Response(307, headers={"Location": "https://evil.test/steal"}))
    client = make_client(kind, handler)
    with pytest.raises(bu.APIStatusError) as info:
        await resolve(client.balance())
    assert info.value.status_code == 307
    assert [r.url.host for r in handler.requests] == ["api.example.test"]


async def test_per_call_timeout_and_with_options(kind: str) -> None:
    handler = Recorder(ok("0.5.9"))
    client = make_client(kind, handler)
    await resolve(client.browser_use_version())
    await resolve(client.browser_use_version(timeout=3))
    assert handler.requests[0].extensions["timeout"] == httpx.Timeout(60, connect=5).as_dict()
    assert handler.requests[1].extensions["timeout"] == httpx.Timeout(3).as_dict()
    quick = client.with_options(timeout=7, max_retries=0)
    assert quick.max_retries == 0 and client.max_retries == 2
    assert quick._http._client is client._http._client
    await resolve(quick.browser_use_version())
    assert handler.requests[2].extensions["timeout"] == httpx.Timeout(7, connect=5).as_dict()
    await resolve(quick.close())
    assert await resolve(client.browser_use_version()) == "0.5.9"


async def test_caller_http_client_gets_auth_per_request_and_stays_open() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok(True)

    mine = httpx.AsyncClient(transport=httpx.MockTransport(handler), headers={"X-Mine": "1"})
    async with bu.AsyncBrowserUse(api_key=KEY, base_url=API, http_client=mine) as client:
        assert await client.me() is True
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert seen[0].headers["x-mine"] == "1"
    assert seen[0].extensions["timeout"]["read"] == 60
    assert "authorization" not in mine.headers
    assert not mine.is_closed
    await mine.aclose()


async def test_list_queries_are_the_same_from_our_pool_and_a_callers_client() -> None:
    """Our pool puts the query in the URL text; a caller's client merges it as httpx does,
    so its default params are kept and ours win on a clash."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok({"tasks": [], "page": 2, "limit": 7, "total_pages": 1, "total_count": 0})

    transport = httpx.MockTransport(handler)
    mine = httpx.AsyncClient(transport=transport, params={"limit": "1", "trace": "on"})
    async with bu.AsyncBrowserUse(api_key=KEY, base_url=API, transport=transport) as ours:
        await ours.tasks.list(page=2, limit=7)
    async with bu.AsyncBrowserUse(api_key=KEY, base_url=API, http_client=mine) as theirs:
        await theirs.tasks.list(page=2, limit=7)
    await mine.aclose()
    assert dict(seen[0].url.params) == {"page": "2", "limit": "7"}
    assert dict(seen[1].url.params) == {"page": "2", "limit": "7", "trace": "on"}
    assert seen[0].url.path == seen[1].url.path == "/api/v1/tasks"


def test_sync_context_manager_closes_own_pool() -> None:
    client = bu.BrowserUse(api_key=KEY, base_url=API, transport=httpx.MockTransport(print))
    with client:
        pass
    assert client._http._client.is_closed


async def test_logs_show_requests_but_never_the_key(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    handler = Recorder(ok({"detail": "x"}, 503), ok("1.0"))
    client = make_client(kind, handler)
    with caplog.at_level(logging.DEBUG, logger="browser_use_cloud"):
        assert await resolve(client.browser_use_version()) == "1.0"
    text = caplog.text
    assert "GET https://api.example.test/api/v1/browser-use-version -> 503" in text
    assert "retrying" in text and "-> 200" in text
    assert KEY not in text


@pytest.mark.parametrize(
    "first",
    [lambda: httpx.ReadTimeout("slow"), lambda: httpx.ReadError("reset"), lambda: ok({}, 502)],
    ids=["read-timeout", "dropped", "502"],
)
async def test_a_delete_whose_retry_finds_it_gone_succeeded(kind: str, first: Any) -> None:
    """The first attempt may have deleted it: the retry's 404 means done, not missing."""
    for resource in ("scheduled_tasks", "browser_profiles"):
        handler = Recorder(first(), ok({"detail": "not found"}, 404))
        client = make_client(kind, handler)
        assert await resolve(getattr(client, resource).delete("x1")) is None
        assert [r.method for r in handler.requests] == ["DELETE", "DELETE"]


async def test_a_delete_that_never_reached_the_server_still_reports_404(kind: str) -> None:
    for first in (ok({"detail": "no"}, 404), httpx.ConnectError("refused")):
        handler = Recorder(first, ok({"detail": "Scheduled task not found"}, 404))
        client = make_client(kind, handler)
        with pytest.raises(bu.NotFoundError):
            await resolve(client.scheduled_tasks.delete("s1"))


async def test_a_get_whose_retry_finds_nothing_is_still_not_found(kind: str) -> None:
    handler = Recorder(httpx.ReadTimeout("slow"), ok({"detail": "Scheduled task not found"}, 404))
    client = make_client(kind, handler)
    with pytest.raises(bu.NotFoundError):
        await resolve(client.scheduled_tasks.get("s1"))


def _echo(request: httpx.Request) -> httpx.Response:
    """A careless server whose errors quote the Authorization header back."""
    auth = request.headers["Authorization"]
    if request.url.path.endswith("/balance"):
        return httpx.Response(500, json={"detail": {"upstream": f"rejected {auth}", auth: 1}})
    if request.url.path.endswith("/ping"):
        padding = "x" * 480  # the key straddles the excerpt's 500-character cut
        return httpx.Response(502, text=f"<p>{padding} key={KEY} again {auth}</p>")
    return httpx.Response(401, json={"detail": f"bad key {KEY}"}, headers={"X-Echo": auth})


async def test_errors_never_carry_the_key_even_when_the_server_echoes_it(kind: str) -> None:
    client = make_client(kind, Recorder(_echo), max_retries=0)
    calls = [client.balance, client.ping, lambda: client.scheduled_tasks.get("s1")]
    for call in calls:
        with pytest.raises(bu.APIStatusError) as info:
            await resolve(call())
        exc = info.value
        text = " ".join([str(exc), repr(exc.detail), exc.body, repr(dict(exc.headers))])
        assert KEY not in text and KEY[:12] not in text, text
        assert "<redacted>" in text


async def test_connection_error_text_is_scrubbed(kind: str) -> None:
    handler = Recorder(httpx.LocalProtocolError(f"bad header b'Bearer {KEY}'"))
    client = make_client(kind, handler, max_retries=0)
    with pytest.raises(bu.APIConnectionError) as info:
        await resolve(client.ping())
    assert KEY not in str(info.value) and "Bearer <redacted>" in str(info.value)


@pytest.mark.parametrize("bad", [".", ".."])
async def test_dot_ids_are_refused_before_sending(kind: str, bad: str) -> None:
    handler = Recorder(ok({}))
    client = make_client(kind, handler)
    for call in (client.scheduled_tasks.get, client.browser_profiles.delete):
        with pytest.raises(bu.InputError, match="cannot be '"):
            await resolve(call(bad))
    assert handler.requests == []


async def test_the_driver_refuses_dot_segments_whatever_builds_the_path(kind: str) -> None:
    handler = Recorder(ok({}))
    client = make_client(kind, handler)
    for path in ("/api/v1/task/..", "/api/v1/task/t1/output-file/.", "task/../balance"):
        with pytest.raises(bu.InputError, match=re.escape("'.' and '..'")):
            await resolve(client._http.request({"method": "get", "url": path}, retry="never"))
    assert handler.requests == []
    await resolve(client._http.request({"method": "get", "url": "/api/v1/a.b/..c"}, retry="never"))
    assert handler.requests[0].url.path == "/api/v1/a.b/..c"


async def test_an_auth_challenge_header_is_kept_as_sent(kind: str) -> None:
    challenge = 'Bearer realm="api", error="invalid_token"'
    handler = Recorder(ok({"detail": "no"}, 401, **{"WWW-Authenticate": challenge}))
    client = make_client(kind, handler, max_retries=0)
    with pytest.raises(bu.AuthenticationError) as info:
        await resolve(client.balance())
    assert info.value.headers["WWW-Authenticate"] == challenge
