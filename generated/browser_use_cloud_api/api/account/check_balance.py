from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.check_user_balance_response import CheckUserBalanceResponse
from ...types import Response, status_of


def request_kwargs() -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""

    _kwargs: dict[str, Any] = {"method": "get"}
    _kwargs["url"] = "/api/v1/balance"
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CheckUserBalanceResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = CheckUserBalanceResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CheckUserBalanceResponse]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CheckUserBalanceResponse]:
    """Get the credit balance

     The account's remaining credits (subscription plus purchased), as a string. One credit is one US
    cent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckUserBalanceResponse]
    """

    response = client.get_httpx_client().request(**request_kwargs())
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CheckUserBalanceResponse]:
    """Get the credit balance

     The account's remaining credits (subscription plus purchased), as a string. One credit is one US
    cent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckUserBalanceResponse]
    """

    response = await client.get_async_httpx_client().request(**request_kwargs())
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CheckUserBalanceResponse | None:
    """Get the credit balance

     The account's remaining credits (subscription plus purchased), as a string. One credit is one US
    cent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckUserBalanceResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CheckUserBalanceResponse | None:
    """Get the credit balance

     The account's remaining credits (subscription plus purchased), as a string. One credit is one US
    cent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckUserBalanceResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
