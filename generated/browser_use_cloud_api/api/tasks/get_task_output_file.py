from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.task_output_file_response import TaskOutputFileResponse
from ...types import Response, status_of


def request_kwargs(
    task_id: str,
    file_name: str,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""

    _kwargs: dict[str, Any] = {"method": "get"}
    _kwargs["url"] = "/api/v1/task/{task_id}/output-file/{file_name}".format(
        task_id=quote(str(task_id), safe=""),
        file_name=quote(str(file_name), safe=""),
    )
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | TaskOutputFileResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = TaskOutputFileResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | TaskOutputFileResponse]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: str,
    file_name: str,
    *,
    client: AuthenticatedClient,
) -> Response[HTTPValidationError | TaskOutputFileResponse]:
    """Get a download URL for an output file

     A short-lived presigned URL from which one of the task's output files can be downloaded.

    Args:
        task_id (str):
        file_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | TaskOutputFileResponse]
    """

    response = client.get_httpx_client().request(
        **request_kwargs(
            task_id=task_id,
            file_name=file_name,
        )
    )
    return _build_response(client=client, response=response)


async def asyncio_detailed(
    task_id: str,
    file_name: str,
    *,
    client: AuthenticatedClient,
) -> Response[HTTPValidationError | TaskOutputFileResponse]:
    """Get a download URL for an output file

     A short-lived presigned URL from which one of the task's output files can be downloaded.

    Args:
        task_id (str):
        file_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | TaskOutputFileResponse]
    """

    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            task_id=task_id,
            file_name=file_name,
        )
    )
    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    file_name: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | TaskOutputFileResponse | None:
    """Get a download URL for an output file

     A short-lived presigned URL from which one of the task's output files can be downloaded.

    Args:
        task_id (str):
        file_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | TaskOutputFileResponse
    """

    return sync_detailed(
        task_id=task_id,
        file_name=file_name,
        client=client,
    ).parsed


async def asyncio(
    task_id: str,
    file_name: str,
    *,
    client: AuthenticatedClient,
) -> HTTPValidationError | TaskOutputFileResponse | None:
    """Get a download URL for an output file

     A short-lived presigned URL from which one of the task's output files can be downloaded.

    Args:
        task_id (str):
        file_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | TaskOutputFileResponse
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            file_name=file_name,
            client=client,
        )
    ).parsed
