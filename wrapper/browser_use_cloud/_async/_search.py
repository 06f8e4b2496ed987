"""`client.search`: let an agent search the web, or read one URL, for a query."""

from __future__ import annotations

from typing import Any, Unpack

from browser_use_cloud_api.api.search import search_url, simple_search
from browser_use_cloud_api.models import SearchUrlRequest, SimpleSearchRequest

from .._config import RequestTimeout
from .._exceptions import InputError
from .._input.task_input import check_field
from .._input.validate import check_text
from .._models import UrlContent, parse_url_content
from .._transport.operation import body_op
from .._transport.request_extras import RequestExtras, takes_extras
from ._resource import AsyncAPIResource


def _parse_results(body: Any) -> list[UrlContent]:
    return [parse_url_content(item) for item in body["results"]]


class AsyncSearch(AsyncAPIResource):
    """Web search by a browser agent: `simple()` searches the web, `url()` reads one page."""

    @takes_extras()
    async def simple(
        self,
        query: str,
        *,
        max_websites: int = 5,
        depth: int = 2,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> list[UrlContent]:
        """Search the web for `query`: `max_websites` pages, `depth` agent steps on each."""
        body = {
            "query": check_field("SimpleSearchRequest", "query", query),
            "max_websites": check_field("SimpleSearchRequest", "max_websites", max_websites),
            "depth": check_field("SimpleSearchRequest", "depth", depth),
        }
        op = body_op(simple_search, SimpleSearchRequest, body)
        return await self._http.call(op, _parse_results, retry="safe_post", timeout=timeout)

    @takes_extras()
    async def url(
        self,
        url: str,
        query: str,
        *,
        depth: int = 2,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> UrlContent:
        """Read `url` looking for `query` in `depth` agent steps (bounds from the spec)."""
        target = check_text("url", url)
        if not target.startswith(("http://", "https://")):
            raise InputError(f"url must start with http:// or https://, got {url!r}")
        body = {
            "url": target,
            "query": check_field("SearchUrlRequest", "query", query),
            "depth": check_field("SearchUrlRequest", "depth", depth),
        }
        op = body_op(search_url, SearchUrlRequest, body)
        return await self._http.call(op, parse_url_content, retry="safe_post", timeout=timeout)
