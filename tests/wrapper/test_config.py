"""Client settings: key and URL from arguments or environment, http:// refusal, repr."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InputError
from browser_use_cloud._config import api_url, is_loopback, resolve_base_url, resolve_timeout

KEY = "bu_secret_value_42"


def test_missing_key_says_how_to_set_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_USE_API_KEY", raising=False)
    with pytest.raises(InputError, match="BROWSER_USE_API_KEY"):
        BrowserUse()
    with pytest.raises(InputError, match="api_key"):
        AsyncBrowserUse(api_key="   ")


def test_key_and_base_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_USE_API_KEY", KEY)
    monkeypatch.setenv("BROWSER_USE_BASE_URL", "http://127.0.0.1:9999/api/v1")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=True)

    with BrowserUse(transport=httpx.MockTransport(handler)) as client:
        assert client.me() is True
    assert str(seen[0].url) == "http://127.0.0.1:9999/api/v1/me"
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"


def test_default_base_url_and_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BROWSER_USE_BASE_URL", raising=False)
    client = BrowserUse(api_key=KEY)
    assert str(client.base_url) == "https://api.browser-use.com/api/v1/"
    assert client.timeout == httpx.Timeout(60.0, connect=5.0)
    assert client.max_retries == 2
    client.close()


def test_repr_never_shows_the_key() -> None:
    for client in (BrowserUse(api_key=KEY), AsyncBrowserUse(api_key=KEY)):
        assert KEY not in repr(client)
        assert KEY not in repr(client._http)
        assert KEY not in repr(vars(client).get("tasks"))


@pytest.mark.parametrize(
    "url", ["http://api.browser-use.com/api/v1", "http://10.0.0.5/api/v1", "http://example.com"]
)
def test_plain_http_refused_for_remote_hosts(url: str) -> None:
    with pytest.raises(InputError, match="allow_insecure_http"):
        BrowserUse(api_key=KEY, base_url=url)
    client = BrowserUse(api_key=KEY, base_url=url, allow_insecure_http=True)
    assert client.base_url.scheme == "http"


@pytest.mark.parametrize(
    "host", ["localhost", "127.0.0.1", "127.3.4.5", "::1", "[::1]", "api.localhost"]
)
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["example.com", "10.0.0.1", "localhost.example.com", "::2"])
def test_not_loopback(host: str) -> None:
    assert not is_loopback(host)


@pytest.mark.parametrize("url", ["ftp://x/api", "api.browser-use.com", "https://"])
def test_malformed_base_url(url: str) -> None:
    with pytest.raises(InputError, match="base_url"):
        resolve_base_url(url, allow_insecure_http=False)


def test_base_url_normalised_with_trailing_slash() -> None:
    url = resolve_base_url("https://proxy.test/bu/api/v1///", allow_insecure_http=False)
    assert str(url) == "https://proxy.test/bu/api/v1/"


@pytest.mark.parametrize(
    "params",
    [
        {"page": 3, "limit": 100},
        {"q": "a b&c=d/é?#", "flag": True, "off": False, "none": None, "n": 1.5},
        {"tag": ["x", "y z"], "empty": ""},
        {},
    ],
)
def test_a_query_in_the_url_text_is_what_httpx_params_would_send(params: dict[str, Any]) -> None:
    base = "https://proxy.test/bu/api/v1/"
    ours = api_url(base, "/api/v1/tasks", params)
    theirs = httpx.Request("GET", api_url(base, "/api/v1/tasks"), params=params).url
    assert ours.raw_path == theirs.raw_path
    assert ours == theirs


def test_timeouts_are_always_finite() -> None:
    assert resolve_timeout(None) == httpx.Timeout(60.0, connect=5.0)
    assert resolve_timeout(2) == httpx.Timeout(2.0, connect=2.0)
    with pytest.raises(InputError):
        resolve_timeout(httpx.Timeout(None))
    with pytest.raises(InputError):
        resolve_timeout(0)
    with pytest.raises(InputError, match="max_retries"):
        BrowserUse(api_key=KEY, max_retries=-1)


def test_http_client_and_transport_are_exclusive() -> None:
    with pytest.raises(InputError, match="either"):
        BrowserUse(api_key=KEY, http_client=httpx.Client(), transport=httpx.MockTransport(print))


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("bu_abc\nX-Injected: 1", "a newline"),
        ("bu_abc\r\n", None),  # trailing whitespace is trimmed: accepted
        ("bu_a\tbc", "a tab"),
        ("bu_a bc", "a space"),
        ("bu_a\x00bc", "a control character (U+0000"),
        ("bu_abc\u00e9", "a non-ASCII character"),
        ("bu_abc\u200b", "a non-ASCII character"),
    ],
)
def test_malformed_keys_are_refused_without_echoing_them(key: str, says: str | None) -> None:
    if says is None:
        assert BrowserUse(api_key=key).close() is None
        return
    for client in (BrowserUse, AsyncBrowserUse):
        with pytest.raises(InputError) as info:
            client(api_key=key)
        message = str(info.value)
        assert "The API key contains " + says in message and "bu_a" not in message


def test_malformed_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER_USE_API_KEY", "bu_env\u00e9key")
    with pytest.raises(InputError, match="non-ASCII") as info:
        BrowserUse()
    assert "bu_env" not in str(info.value) and "BROWSER_USE_API_KEY" in str(info.value)


def test_key_must_be_a_string() -> None:
    with pytest.raises(InputError, match="api_key must be a string, got bytes"):
        BrowserUse(api_key=b"bu_abc")  # type: ignore[arg-type]
