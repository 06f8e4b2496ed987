from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.scheduled_task import ScheduledTask
from ...models.update_scheduled_task_request import UpdateScheduledTaskRequest
from ...types import Response, status_of


def request_kwargs(
    task_id: str,
    *,
    body: UpdateScheduledTaskRequest,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": "put"}
    _kwargs["url"] = "/api/v1/scheduled-task/{task_id}".format(
        task_id=quote(str(task_id), safe=""),
    )
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | ScheduledTask | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = ScheduledTask.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | ScheduledTask]:
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
    body: UpdateScheduledTaskRequest,
) -> Response[HTTPValidationError | ScheduledTask]:
    """Update a scheduled task

     Changes only the fields that are sent; the others keep their values.

    Args:
        task_id (str):
        body (UpdateScheduledTaskRequest): Fields to change on a scheduled task; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ScheduledTask]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            task_id=task_id,
            body=body,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateScheduledTaskRequest,
) -> Response[HTTPValidationError | ScheduledTask]:
    """Update a scheduled task

     Changes only the fields that are sent; the others keep their values.

    Args:
        task_id (str):
        body (UpdateScheduledTaskRequest): Fields to change on a scheduled task; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | ScheduledTask]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            task_id=task_id,
            body=body,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateScheduledTaskRequest,
) -> HTTPValidationError | ScheduledTask | None:
    """Update a scheduled task

     Changes only the fields that are sent; the others keep their values.

    Args:
        task_id (str):
        body (UpdateScheduledTaskRequest): Fields to change on a scheduled task; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ScheduledTask
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
        body=body,
    ).parsed


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateScheduledTaskRequest,
) -> HTTPValidationError | ScheduledTask | None:
    """Update a scheduled task

     Changes only the fields that are sent; the others keep their values.

    Args:
        task_id (str):
        body (UpdateScheduledTaskRequest): Fields to change on a scheduled task; omitted fields
            are left alone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | ScheduledTask
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
            body=body,
        )
    ).parsed
