"""`mcp --http` answers only requests with its token, from no web page or a local one.

Real HTTP on loopback: the app the CLI serves, in this test's event loop, bound to the
default address and to the two the attacks used (another loopback address, and every
interface). The attacks: a DNS-rebinding page (foreign Origin, then foreign Host), and
another local user who reaches 127.0.0.1 without the owner's token.
"""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp_helpers import INITIALIZE

from browser_use_cloud import AsyncBrowserUse, InputError
from browser_use_cloud._frontends._serving import bind, make_server
from browser_use_cloud.mcp._http_guard import HttpGuard, check_token, new_token
from browser_use_cloud.mcp._serve import MCP_PATH, http_app

pytestmark = pytest.mark.anyio

TOKEN = new_token()
MCP_HEADERS = {"Accept": "application/json, text/event-stream"}


@asynccontextmanager
async def serving(client: AsyncBrowserUse, bind_host: str) -> AsyncIterator[int]:
    """Serve the HTTP app bound to `bind_host`; yields its port."""
    try:
        sock = bind(bind_host, 0)
    except OSError as exc:  # 127.0.0.2 is not configured on every system
        pytest.skip(f"cannot bind {bind_host}: {exc}")
    server = make_server(http_app(client, host=bind_host, token=TOKEN))
    async with anyio.create_task_group() as group:
        group.start_soon(server.serve, [sock])
        with anyio.fail_after(10):
            while not server.started:
                await anyio.sleep(0.01)
        try:
            yield sock.getsockname()[1]
        finally:
            server.should_exit = True
    sock.close()


# The address the server is bound to, and the one the test connects to.
BINDS = [("127.0.0.1", "127.0.0.1"), ("127.0.0.2", "127.0.0.2"), ("0.0.0.0", "127.0.0.1")]


@pytest.fixture(params=BINDS, ids=[bound for bound, _ in BINDS])
async def endpoint(
    request: pytest.FixtureRequest, library: AsyncBrowserUse
) -> AsyncIterator[tuple[str, str]]:
    """(URL of the MCP endpoint, the Host header a proper client sends)."""
    bound, address = request.param
    async with serving(library, bound) as port:
        yield f"http://{address}:{port}{MCP_PATH}", f"{address}:{port}"


async def post(url: str, **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as http:
        return await http.post(url, json=INITIALIZE, headers={**MCP_HEADERS, **headers})


async def test_a_request_with_the_token_is_answered(endpoint: tuple[str, str]) -> None:
    url, _ = endpoint
    answer = await post(url, Authorization=f"Bearer {TOKEN}")
    assert answer.status_code == 200, answer.text
    answer = await post(url, Authorization=f"bearer {TOKEN}")  # the scheme is case-blind
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", f"Basic {TOKEN}", TOKEN],
    ids=["none", "no-token", "short", "long", "basic", "no-scheme"],  # the same in every worker
)
async def test_without_the_token_it_is_401(
    endpoint: tuple[str, str], authorization: str | None
) -> None:
    url, _ = endpoint
    headers = {} if authorization is None else {"Authorization": authorization}
    answer = await post(url, **headers)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization: Bearer <token>" in answer.text
    assert TOKEN not in answer.text and "mcp-session-id" not in answer.headers


@pytest.mark.parametrize(
    ("origin", "status"),
    [
        ("http://rebind.attacker.example", 403),
        ("http://rebind.attacker.example:8000", 403),
        ("null", 403),
        ("http://localhost:6274", 200),  # a page on this machine (an inspector, a dev app)
        ("http://127.0.0.1:3000", 200),
        ("http://[::1]:5173", 200),
    ],
)
async def test_only_pages_on_this_machine_whatever_the_bind_address(
    endpoint: tuple[str, str], origin: str, status: int
) -> None:
    """The issue's attack: with --host 0.0.0.0 or 127.0.0.2 a foreign page was answered."""
    url, _ = endpoint
    answer = await post(url, Origin=origin, Authorization=f"Bearer {TOKEN}")
    assert answer.status_code == status, answer.text
    assert ("mcp-session-id" in answer.headers) is (status == 200)


async def test_a_rebound_host_name_is_refused(endpoint: tuple[str, str]) -> None:
    url, host = endpoint
    port = host.rsplit(":", 1)[1]
    for foreign in (f"rebind.attacker.example:{port}", "rebind.attacker.example", "a:b:c"):
        answer = await post(url, Host=foreign, Authorization=f"Bearer {TOKEN}")
        assert answer.status_code == 421, foreign
    # Its own address, localhost and this machine's name are its own.
    for own in (host, f"localhost:{port}", socket.gethostname()):
        answer = await post(url, Host=own, Authorization=f"Bearer {TOKEN}")
        assert answer.status_code == 200, own


async def test_another_local_user_cannot_list_the_owners_tasks(
    library: AsyncBrowserUse,
) -> None:
    """The issue's second attack: any local user reaches 127.0.0.1; only the owner has the token."""
    created = await library.tasks.create("Owner's task [[emulator:instant]]")
    list_tasks = {
        "jsonrpc": "2.0",
        "id": 2,
        "method": "tools/call",
        "params": {"name": "list_tasks", "arguments": {}},
    }
    async with serving(library, "127.0.0.1") as port:
        url = f"http://127.0.0.1:{port}{MCP_PATH}"
        async with httpx.AsyncClient(timeout=10) as intruder:
            for message in (INITIALIZE, list_tasks):
                answer = await intruder.post(url, json=message, headers=MCP_HEADERS)
                assert answer.status_code == 401
                assert created.id not in answer.text
        http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
        async with Client(streamable_http_client(url, http_client=http)) as owner:
            listed = await owner.call_tool("list_tasks", {})
        assert not listed.is_error
        assert created.id in json.dumps(listed.structured_content)


@pytest.mark.parametrize(
    ("token", "message"),
    [("short", "5 characters; use at least 16"), ("a b" * 8, "printable ASCII without spaces")],
)
def test_a_weak_or_malformed_token_is_refused(token: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as refused:
        check_token(token)
    assert token not in str(refused.value)


def test_made_tokens_are_long_and_distinct() -> None:
    tokens: set[Any] = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(token) >= 43 and check_token(token) == token for token in tokens)


async def test_a_websocket_is_refused_unread() -> None:
    """The app has no WebSocket route; the guard closes one before anything reads it."""
    called: list[Any] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        called.append(scope)

    async def receive() -> dict[str, Any]:
        raise AssertionError("the guard must not read a refused connection")

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    guard = HttpGuard(app, token=TOKEN, host="127.0.0.1")
    headers = [(b"host", b"127.0.0.1:8000"), (b"authorization", f"Bearer {TOKEN}".encode())]
    await guard({"type": "websocket", "path": MCP_PATH, "headers": headers}, receive, send)
    assert sent == [{"type": "websocket.close", "code": 1008}] and called == []
