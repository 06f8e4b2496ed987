from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.list_tasks_response import ListTasksResponse
from ...types import UNSET, Response, Unset, status_of


def request_kwargs(
    *,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""

    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {"method": "get"}
    _kwargs["url"] = "/api/v1/tasks"
    _kwargs["params"] = params
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | ListTasksResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = ListTasksResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | ListTasksResponse]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> Response[HTTPValidationError | ListTasksResponse]:
    """List tasks

     One page of the caller's tasks, newest first, with summary fields only. Pages start at 1; the
    service caps page size at 100.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ListTasksResponse]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            page=page,
            limit=limit,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> Response[HTTPValidationError | ListTasksResponse]:
    """List tasks

     One page of the caller's tasks, newest first, with summary fields only. Pages start at 1; the
    service caps page size at 100.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ListTasksResponse]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            page=page,
            limit=limit,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> HTTPValidationError | ListTasksResponse | None:
    """List tasks

     One page of the caller's tasks, newest first, with summary fields only. Pages start at 1; the
    service caps page size at 100.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ListTasksResponse
    """

    return sync_detailed(
        client=client,
        page=page,
        limit=limit,
    ).parsed


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
) -> HTTPValidationError | ListTasksResponse | None:
    """List tasks

     One page of the caller's tasks, newest first, with summary fields only. Pages start at 1; the
    service caps page size at 100.

    Args:
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ListTasksResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            limit=limit,
        )
    ).parsed
