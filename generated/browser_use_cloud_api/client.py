"""HTTP clients for the generated operations.

Unlike the generator's stock client, a request never waits forever: the default timeout is
60 s overall and 5 s to connect. Close a client with ``close()``/``aclose()`` or a ``with`` block.
"""

import ssl
from typing import Any

import httpx
from attrs import define, evolve, field

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


@define
class Client:
    """A client for operations that need no API key.

    ``httpx_args`` are passed to ``httpx.Client``/``httpx.AsyncClient`` (for example a
    ``transport``). ``raise_on_unexpected_status`` raises ``errors.UnexpectedStatus`` for a
    status the spec does not declare instead of returning ``parsed=None``.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _client_args(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._auth_headers()},
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """A new, independent client with another timeout (its own connection pool)."""
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> "Client":
        """Use this httpx client; its own settings (headers, timeout, auth) then apply."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(**self._client_args())
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> "Client":
        """Use this httpx async client; its own settings (headers, timeout, auth) then apply."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._client_args())
        return self._async_client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()

    def __enter__(self) -> "Client":
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        self.get_httpx_client().__exit__(*args, **kwargs)

    async def __aenter__(self) -> "Client":
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient(Client):
    """A client that sends ``Authorization: Bearer <token>`` on every request it builds itself."""

    token: str = field(kw_only=True, repr=False)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def _auth_headers(self) -> dict[str, str]:
        value = f"{self.prefix} {self.token}" if self.prefix else self.token
        return {self.auth_header_name: value}
