"""A short API key is hidden where it can appear, and nowhere else.

Redaction replaces the key where a server can echo it (a header, a URL, an echoed request
value), as a whole token: with the key `k`, "Task not found" must stay readable.
"""

from __future__ import annotations

import httpx
import pytest
from wrapper_helpers import API, Recorder, resolve

import browser_use_cloud as bu
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud._transport.log import hide, scrub

pytestmark = pytest.mark.anyio


def short_key_client(kind: str, key: str, handler: Recorder) -> object:
    cls = bu.BrowserUse if kind == "sync" else bu.AsyncBrowserUse
    client = cls(api_key=key, base_url=API, transport=httpx.MockTransport(handler))
    client._http.policy = RetryPolicy(max_retries=0, base_delay=0.0)
    return client


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Task not found", "Task not found"),
        ("Input should be 'us', 'uk' or 'fr'", "Input should be 'us', 'uk' or 'fr'"),
        ("Authorization: Bearer k", "Authorization: Bearer <redacted>"),
        ("GET /x?api_key=k&page=1", "GET /x?api_key=<redacted>&page=1"),
        ('{"input": "k"}', '{"input": "<redacted>"}'),
        ("key k rejected", "key <redacted> rejected"),
    ],
)
def test_a_one_letter_key_is_hidden_only_as_a_whole_token(text: str, expected: str) -> None:
    assert scrub(text, ["k"]) == expected


def test_a_key_with_punctuation_at_its_ends_is_still_hidden() -> None:
    assert hide("token=+k3y/ and x+k3y/y", ["+k3y/"]) == "token=<redacted> and x<redacted>y"


async def test_a_404_detail_stays_readable_with_a_short_key(kind: str) -> None:
    handler = Recorder(httpx.Response(404, json={"detail": "Task not found"}))
    client = short_key_client(kind, "k", handler)
    with pytest.raises(bu.NotFoundError) as info:
        await resolve(client.tasks.get("t1"))  # type: ignore[attr-defined]
    assert info.value.detail == "Task not found"
    assert "Task not found" in str(info.value)


async def test_a_422_echo_of_a_value_containing_the_key_stays_readable(kind: str) -> None:
    detail = [
        {
            "type": "enum",
            "loc": ["body", "proxy_country_code"],
            "msg": "Input should be 'us' or 'uk'",
            "input": "uk",
        }
    ]
    handler = Recorder(httpx.Response(422, json={"detail": detail}))
    client = short_key_client(kind, "k", handler)
    with pytest.raises(bu.UnprocessableEntityError) as info:
        await resolve(client.tasks.get("t1"))  # type: ignore[attr-defined]
    assert info.value.detail[0]["input"] == "uk"
    assert info.value.errors == ((("body", "proxy_country_code"), "Input should be 'us' or 'uk'"),)


async def test_the_short_key_itself_is_still_hidden_when_echoed(kind: str) -> None:
    handler = Recorder(
        httpx.Response(401, json={"detail": "bad key k"}, headers={"X-Echo": "Bearer k"})
    )
    client = short_key_client(kind, "k", handler)
    with pytest.raises(bu.AuthenticationError) as info:
        await resolve(client.tasks.get("t1"))  # type: ignore[attr-defined]
    assert info.value.detail == "bad key <redacted>"
    assert info.value.headers["X-Echo"] == "Bearer <redacted>"
