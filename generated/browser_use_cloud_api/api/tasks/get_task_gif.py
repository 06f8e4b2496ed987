from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.task_gif_response import TaskGifResponse
from ...types import Response, status_of


def request_kwargs(
    task_id: str,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""

    _kwargs: dict[str, Any] = {"method": "get"}
    _kwargs["url"] = "/api/v1/task/{task_id}/gif".format(
        task_id=quote(str(task_id), safe=""),
    )
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | TaskGifResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = TaskGifResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | TaskGifResponse]:
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
) -> Response[HTTPValidationError | TaskGifResponse]:
    """Get a task's GIF

     URL of an animated GIF made from the task's screenshots, once the task has ended and has
    screenshots.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | TaskGifResponse]
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
) -> Response[HTTPValidationError | TaskGifResponse]:
    """Get a task's GIF

     URL of an animated GIF made from the task's screenshots, once the task has ended and has
    screenshots.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | TaskGifResponse]
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
) -> HTTPValidationError | TaskGifResponse | None:
    """Get a task's GIF

     URL of an animated GIF made from the task's screenshots, once the task has ended and has
    screenshots.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | TaskGifResponse
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | TaskGifResponse | None:
    """Get a task's GIF

     URL of an animated GIF made from the task's screenshots, once the task has ended and has
    screenshots.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | TaskGifResponse
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
        )
    ).parsed
