from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.task import Task
from ...types import Response, status_of


def request_kwargs(
    task_id: str,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""

    _kwargs: dict[str, Any] = {"method": "get"}
    _kwargs["url"] = "/api/v1/task/{task_id}".format(
        task_id=quote(str(task_id), safe=""),
    )
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | Task | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = Task.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | Task]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[HTTPValidationError | Task]:
    """Get a task

     The full record of one task: status, every step so far, output once it ends, files, and metadata.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | Task]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            task_id=task_id,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[HTTPValidationError | Task]:
    """Get a task

     The full record of one task: status, every step so far, output once it ends, files, and metadata.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | Task]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            task_id=task_id,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | Task | None:
    """Get a task

     The full record of one task: status, every step so far, output once it ends, files, and metadata.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | Task
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | Task | None:
    """Get a task

     The full record of one task: status, every step so far, output once it ends, files, and metadata.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | Task
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
        )
    ).parsed
