from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.run_task_request import RunTaskRequest
from ...models.task_created_response import TaskCreatedResponse
from ...types import Response, status_of


def request_kwargs(
    *,
    body: RunTaskRequest,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": "post"}
    _kwargs["url"] = "/api/v1/run-task"
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | TaskCreatedResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = TaskCreatedResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | TaskCreatedResponse]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> Response[HTTPValidationError | TaskCreatedResponse]:
    """Start a task

     Starts a browser agent on a task written in plain language and returns the new task's id. Billed per
    step; an active subscription or credit balance is needed.

    Args:
        body (RunTaskRequest): What to run and how. Only `task` is required. Browser settings
            given here override the chosen browser profile.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | TaskCreatedResponse]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            body=body,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> Response[HTTPValidationError | TaskCreatedResponse]:
    """Start a task

     Starts a browser agent on a task written in plain language and returns the new task's id. Billed per
    step; an active subscription or credit balance is needed.

    Args:
        body (RunTaskRequest): What to run and how. Only `task` is required. Browser settings
            given here override the chosen browser profile.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | TaskCreatedResponse]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            body=body,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> HTTPValidationError | TaskCreatedResponse | None:
    """Start a task

     Starts a browser agent on a task written in plain language and returns the new task's id. Billed per
    step; an active subscription or credit balance is needed.

    Args:
        body (RunTaskRequest): What to run and how. Only `task` is required. Browser settings
            given here override the chosen browser profile.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | TaskCreatedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RunTaskRequest,
) -> HTTPValidationError | TaskCreatedResponse | None:
    """Start a task

     Starts a browser agent on a task written in plain language and returns the new task's id. Billed per
    step; an active subscription or credit balance is needed.

    Args:
        body (RunTaskRequest): What to run and how. Only `task` is required. Browser settings
            given here override the chosen browser profile.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | TaskCreatedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
