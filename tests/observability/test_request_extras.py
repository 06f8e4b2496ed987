"""Request extras: every method (and `client.call`) sends `extra_headers`, `extra_query`
and `extra_body` as given to the API, never to presigned storage URLs; the client's
`default_headers` likewise; Authorization cannot be set through them."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from clients import close, make_client, record_sends, resolve

from browser_use_cloud import BadRequestError, InputError
from browser_use_cloud.emulator import Emulator
from tests.reliability.reliability_helpers import NoRequests, RecordingServer, Seen
from tests.wrapper.test_timeout_contract import (
    ASYNC_METHODS,
    ROWS,
    SYNC_METHODS,
    requests_of_a_row,
)

pytestmark = pytest.mark.anyio

EXTRAS = {"extra_headers": {"X-Extra": "yes"}, "extra_query": {"probe": "q 1"}}


@pytest.mark.parametrize("qualname", sorted(SYNC_METHODS) + sorted(ASYNC_METHODS))
def test_every_request_method_declares_the_extras(qualname: str) -> None:
    function = {**SYNC_METHODS, **ASYNC_METHODS}[qualname]
    parameters = inspect.signature(function).parameters
    if qualname.endswith(".call"):
        assert {"extra_headers", "extra_query", "extra_body"} <= parameters.keys()
        return
    variadic = [p for p in parameters.values() if p.kind is inspect.Parameter.VAR_KEYWORD]
    assert variadic, f"{qualname} takes no **extras"
    annotation = str(variadic[0].annotation)
    assert annotation.startswith("Unpack[") and "Extras" in annotation, annotation


def _is_api(request: httpx.Request) -> bool:
    return request.url.path.startswith("/api/v1/")


@pytest.mark.parametrize("qualname", sorted(ROWS))
def test_each_api_request_of_a_call_carries_its_extras_and_no_presigned_one_does(
    qualname: str, emulator: Emulator, tmp_path: Path
) -> None:
    sent, later = requests_of_a_row(qualname, emulator, tmp_path, **EXTRAS)  # later: a ping
    api = [r for r in sent if _is_api(r)]
    assert api, f"{qualname} sent no API request"
    wrong = [
        f"{r.method} {r.url.path}"
        for r in api
        if r.headers.get("x-extra") != "yes" or r.url.params.get("probe") != "q 1"
    ]
    assert wrong == [], f"{qualname}: API requests without the extras"
    presigned = [r for r in sent if not _is_api(r)]
    assert all("x-extra" not in r.headers and "probe" not in r.url.params for r in presigned)
    assert all("x-extra" not in r.headers for r in later)


async def test_extras_reach_the_async_client_requests_iterators_included(
    emulator: Emulator,
) -> None:
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> None:
        seen.append(request)

    http = httpx.AsyncClient(event_hooks={"request": [record]})
    client = make_client("async", emulator.base_url, http_client=http)
    try:
        handle = await client.tasks.create("Short [[emulator:steps=2]]", **EXTRAS)
        steps = [s async for s in client.tasks.steps(handle.id, wait_timeout=30, **EXTRAS)]
        pages = [t async for t in client.tasks.iter(max_items=2, **EXTRAS)]
        assert steps and pages
        await client.ping()
    finally:
        await close(client)
        await http.aclose()
    *extra, plain = seen
    assert all(r.headers.get("x-extra") == "yes" for r in extra)
    assert all(r.url.params.get("probe") == "q 1" for r in extra)
    assert "x-extra" not in plain.headers


async def test_extra_body_is_added_to_the_json_body_and_wins_over_the_methods_fields(
    kind: str, emulator: Emulator
) -> None:
    seen: list[bytes] = []
    transport_cls = httpx.HTTPTransport if kind == "sync" else httpx.AsyncHTTPTransport

    def record(request: httpx.Request) -> None:
        seen.append(request.content)

    async def arecord(request: httpx.Request) -> None:
        seen.append(request.content)

    hooks = {"request": [record if kind == "sync" else arecord]}
    http_cls = httpx.Client if kind == "sync" else httpx.AsyncClient
    http: Any = http_cls(event_hooks=hooks, transport=transport_cls())
    client = make_client(kind, emulator.base_url, http_client=http)
    try:
        await resolve(
            client.tasks.create(
                "Hello", max_agent_steps=5, extra_body={"max_agent_steps": 7, "new_field": [1]}
            )
        )
    finally:
        await close(client)
        await resolve(http.close() if kind == "sync" else http.aclose())
    body = json.loads(seen[0])
    assert body["task"] == "Hello"
    assert body["max_agent_steps"] == 7 and body["new_field"] == [1]


async def test_client_call_sends_the_extras(kind: str, emulator: Emulator) -> None:
    client = make_client(kind, emulator.base_url)
    seen = record_sends(client)
    try:
        await resolve(
            client.call(
                "create_browser_profile",
                profile_name="Extras",
                extra_headers={"X-Extra": "yes"},
                extra_query={"probe": "1"},
                extra_body={"new_field": True},
            )
        )
    finally:
        await close(client)
    (request,) = seen
    assert request.headers["x-extra"] == "yes" and request.url.params["probe"] == "1"
    assert json.loads(request.content) == {"profile_name": "Extras", "new_field": True}


async def test_default_headers_go_with_every_api_request_and_with_options_adds_to_them(
    kind: str, emulator: Emulator
) -> None:
    client = make_client(kind, emulator.base_url, default_headers={"X-Team": "a", "X-Env": "t"})
    seen = record_sends(client)
    try:
        await resolve(client.files.upload(b"hello", name="notes.txt"))
        other = client.with_options(default_headers={"X-Env": "prod"})
        await resolve(other.ping())
        assert other.default_headers == {"X-Team": "a", "X-Env": "prod"}
        assert client.default_headers == {"X-Team": "a", "X-Env": "t"}
    finally:
        await close(client)
    presign, put, ping = seen
    assert (presign.headers["x-team"], presign.headers["x-env"]) == ("a", "t")
    assert "x-team" not in put.headers and "authorization" not in put.headers
    assert (ping.headers["x-team"], ping.headers["x-env"]) == ("a", "prod")
    assert ping.headers["authorization"] == presign.headers["authorization"]


@pytest.mark.parametrize("name", ["Authorization", "authorization", " AUTHORIZATION"])
async def test_authorization_cannot_be_set_through_extras_or_default_headers(
    kind: str, name: str, no_requests: NoRequests
) -> None:
    transport = no_requests.sync if kind == "sync" else no_requests.asynchronous
    with pytest.raises(InputError, match="default_headers cannot set"):
        make_client(kind, "http://127.0.0.1:9", default_headers={name: "Bearer x"})
    client = make_client(kind, "http://127.0.0.1:9", transport=transport)
    try:
        with pytest.raises(InputError, match="extra_headers cannot set"):
            await resolve(client.tasks.get("t1", extra_headers={name: "Bearer other"}))
        with pytest.raises(InputError, match="default_headers cannot set"):
            client.with_options(default_headers={name: "Bearer other"})
        with pytest.raises(InputError, match="extra_headers cannot set"):
            await resolve(client.call("get_task", task_id="t1", extra_headers={name: "x"}))
    finally:
        await close(client)
    assert no_requests.requests == []


@pytest.mark.parametrize(
    ("extras", "message"),
    [
        ({"extra_body": {"a": 1}}, "sends no request body"),
        ({"extra_headers": {"X-A": 1}}, "must be strings"),
        ({"extra_headers": ["X-A"]}, "must be a mapping"),
        ({"extra_query": "a=1"}, "extra_query must be a mapping"),
        ({"extra_body": {1: "a"}}, "keys must be strings"),
    ],
)
async def test_bad_extras_are_refused_before_anything_is_sent(
    kind: str, extras: dict[str, Any], message: str, no_requests: NoRequests
) -> None:
    transport = no_requests.sync if kind == "sync" else no_requests.asynchronous
    client = make_client(kind, "http://127.0.0.1:9", transport=transport)
    try:
        with pytest.raises(InputError, match=message):
            await resolve(client.tasks.get("t1", **extras))
    finally:
        await close(client)
    assert no_requests.requests == []


def test_stopping_an_iteration_with_extras_early_closes_it(emulator: Emulator) -> None:
    client = make_client("sync", emulator.base_url)
    try:
        for _ in range(3):
            client.tasks.create("Listed")
        pages = client.tasks.iter(page_size=1, extra_headers={"X-Extra": "yes"})
        next(pages)
        pages.close()
        with pytest.raises(StopIteration):
            next(pages)
    finally:
        client.close()


async def test_secrets_sent_as_extra_body_are_hidden_from_the_error_a_server_echoes(
    kind: str, server: RecordingServer
) -> None:
    secret = "s3cr3t-extra-value-42"

    def echo(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        return 400, {"Content-Type": "text/plain"}, b"bad request: " + seen.body

    server.respond = echo
    events: list[Any] = []
    client = make_client(kind, server.base_url, hooks=[events.append])
    try:
        with pytest.raises(BadRequestError) as raised:
            await resolve(
                client.tasks.create("Log in", extra_body={"secrets": {"password": secret}})
            )
    finally:
        await close(client)
    assert secret.encode() in server.seen[0].body  # it was sent as given
    assert secret not in str(raised.value) and secret not in raised.value.body
    assert secret not in repr(events)
