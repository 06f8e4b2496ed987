from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.update_browser_profile_request import UpdateBrowserProfileRequest
from ...models.update_browser_profile_response import UpdateBrowserProfileResponse
from ...types import Response, status_of


def request_kwargs(
    profile_id: str,
    *,
    body: UpdateBrowserProfileRequest,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": "put"}
    _kwargs["url"] = "/api/v1/browser-profiles/{profile_id}".format(
        profile_id=quote(str(profile_id), safe=""),
    )
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | UpdateBrowserProfileResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = UpdateBrowserProfileResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | UpdateBrowserProfileResponse]:
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
    body: UpdateBrowserProfileRequest,
) -> Response[HTTPValidationError | UpdateBrowserProfileResponse]:
    """Update a browser profile

     Changes only the fields that are sent; the others keep their values.

    Args:
        profile_id (str):
        body (UpdateBrowserProfileRequest): Fields to change on a browser profile; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | UpdateBrowserProfileResponse]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            profile_id=profile_id,
            body=body,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    profile_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateBrowserProfileRequest,
) -> Response[HTTPValidationError | UpdateBrowserProfileResponse]:
    """Update a browser profile

     Changes only the fields that are sent; the others keep their values.

    Args:
        profile_id (str):
        body (UpdateBrowserProfileRequest): Fields to change on a browser profile; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | UpdateBrowserProfileResponse]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            profile_id=profile_id,
            body=body,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    profile_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateBrowserProfileRequest,
) -> HTTPValidationError | UpdateBrowserProfileResponse | None:
    """Update a browser profile

     Changes only the fields that are sent; the others keep their values.

    Args:
        profile_id (str):
        body (UpdateBrowserProfileRequest): Fields to change on a browser profile; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | UpdateBrowserProfileResponse
    """

    return sync_detailed(
        profile_id=profile_id,
        client=client,
        body=body,
    ).parsed


async def asyncio(
    profile_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateBrowserProfileRequest,
) -> HTTPValidationError | UpdateBrowserProfileResponse | None:
    """Update a browser profile

     Changes only the fields that are sent; the others keep their values.

    Args:
        profile_id (str):
        body (UpdateBrowserProfileRequest): Fields to change on a browser profile; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | UpdateBrowserProfileResponse
    """

    return (
        await asyncio_detailed(
            profile_id=profile_id,
            client=client,
            body=body,
        )
    ).parsed
