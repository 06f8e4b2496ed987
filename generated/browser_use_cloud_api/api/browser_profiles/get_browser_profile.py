from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.browser_profile import BrowserProfile
from ...models.http_validation_error import HTTPValidationError
from ...types import Response, status_of


def request_kwargs(
    profile_id: str,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""

    _kwargs: dict[str, Any] = {"method": "get"}
    _kwargs["url"] = "/api/v1/browser-profiles/{profile_id}".format(
        profile_id=quote(str(profile_id), safe=""),
    )
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BrowserProfile | HTTPValidationError | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = BrowserProfile.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BrowserProfile | HTTPValidationError]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    profile_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BrowserProfile | HTTPValidationError]:
    """Get a browser profile

     One browser profile and its settings.

    Args:
        profile_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BrowserProfile | HTTPValidationError]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            profile_id=profile_id,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    profile_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BrowserProfile | HTTPValidationError]:
    """Get a browser profile

     One browser profile and its settings.

    Args:
        profile_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BrowserProfile | HTTPValidationError]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            profile_id=profile_id,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    profile_id: str,
    *,
    client: AuthenticatedClient,
) -> BrowserProfile | HTTPValidationError | None:
    """Get a browser profile

     One browser profile and its settings.

    Args:
        profile_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BrowserProfile | HTTPValidationError
    """

    return sync_detailed(
        profile_id=profile_id,
        client=client,
    ).parsed


async def asyncio(
    profile_id: str,
    *,
    client: AuthenticatedClient,
) -> BrowserProfile | HTTPValidationError | None:
    """Get a browser profile

     One browser profile and its settings.

    Args:
        profile_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BrowserProfile | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            profile_id=profile_id,
            client=client,
        )
    ).parsed
