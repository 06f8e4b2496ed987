from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.simple_search_request import SimpleSearchRequest
from ...models.simple_search_response import SimpleSearchResponse
from ...types import Response, status_of


def request_kwargs(
    *,
    body: SimpleSearchRequest,
) -> dict[str, Any]:
    """The keyword arguments for ``httpx.Client.request`` that send this operation."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {"method": "post"}
    _kwargs["url"] = "/api/v1/simple-search"
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | SimpleSearchResponse | None:
    """The declared body for a declared status; otherwise None (or UnexpectedStatus)."""
    if response.status_code == 200:
        response_200 = SimpleSearchResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HTTPValidationError | SimpleSearchResponse]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SimpleSearchRequest,
) -> Response[HTTPValidationError | SimpleSearchResponse]:
    """Search the web

     Runs an agent that searches the web for a query and returns the pages it read with their content.

    Args:
        body (SimpleSearchRequest): A web search query and how widely to search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | SimpleSearchResponse]
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
    body: SimpleSearchRequest,
) -> Response[HTTPValidationError | SimpleSearchResponse]:
    """Search the web

     Runs an agent that searches the web for a query and returns the pages it read with their content.

    Args:
        body (SimpleSearchRequest): A web search query and how widely to search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | SimpleSearchResponse]
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
    body: SimpleSearchRequest,
) -> HTTPValidationError | SimpleSearchResponse | None:
    """Search the web

     Runs an agent that searches the web for a query and returns the pages it read with their content.

    Args:
        body (SimpleSearchRequest): A web search query and how widely to search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | SimpleSearchResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SimpleSearchRequest,
) -> HTTPValidationError | SimpleSearchResponse | None:
    """Search the web

     Runs an agent that searches the web for a query and returns the pages it read with their content.

    Args:
        body (SimpleSearchRequest): A web search query and how widely to search.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | SimpleSearchResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
