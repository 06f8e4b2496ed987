from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.upload_file_request import UploadFileRequest
from ...models.upload_file_response import UploadFileResponse
from ...types import Response, status_of


def request_kwargs(
    *,
    body: UploadFileRequest,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": "post"}
    _kwargs["url"] = "/api/v1/uploads/presigned-url"
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | UploadFileResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = UploadFileResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | UploadFileResponse]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadFileRequest,
) -> Response[HTTPValidationError | UploadFileResponse]:
    """Get an upload URL

     A presigned URL to which the client PUTs a file's bytes with the same content type. The file can
    then be named in a task's included_file_names. Images and documents only; 10 MB per file.

    Args:
        body (UploadFileRequest): The name and content type of a file to be uploaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | UploadFileResponse]
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
    body: UploadFileRequest,
) -> Response[HTTPValidationError | UploadFileResponse]:
    """Get an upload URL

     A presigned URL to which the client PUTs a file's bytes with the same content type. The file can
    then be named in a task's included_file_names. Images and documents only; 10 MB per file.

    Args:
        body (UploadFileRequest): The name and content type of a file to be uploaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | UploadFileResponse]
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
    body: UploadFileRequest,
) -> HTTPValidationError | UploadFileResponse | None:
    """Get an upload URL

     A presigned URL to which the client PUTs a file's bytes with the same content type. The file can
    then be named in a task's included_file_names. Images and documents only; 10 MB per file.

    Args:
        body (UploadFileRequest): The name and content type of a file to be uploaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | UploadFileResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadFileRequest,
) -> HTTPValidationError | UploadFileResponse | None:
    """Get an upload URL

     A presigned URL to which the client PUTs a file's bytes with the same content type. The file can
    then be named in a task's included_file_names. Images and documents only; 10 MB per file.

    Args:
        body (UploadFileRequest): The name and content type of a file to be uploaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | UploadFileResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
