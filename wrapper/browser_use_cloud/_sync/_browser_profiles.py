# Generated from _async/_browser_profiles.py by scripts/unasync.py. Do not edit.
"""`client.browser_profiles`: saved browser settings tasks can run with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Unpack

from browser_use_cloud_api.api.browser_profiles import (
    create_browser_profile,
    delete_browser_profile,
    get_browser_profile,
    list_browser_profiles,
    update_browser_profile,
)
from browser_use_cloud_api.models import CreateBrowserProfileRequest, UpdateBrowserProfileRequest

from .._config import RequestTimeout
from .._input.task_input import check_fields
from .._input.validate import check_id
from .._models import BrowserProfile, Page, parse_browser_profile, parse_page
from .._policies.page_walk import MAX_PAGE_SIZE, PageWalk, check_page_args
from .._transport.operation import body_op
from .._transport.request_extras import RequestExtras, takes_extras
from ._resource import APIResource


def _parse_page(body: Any) -> Page[BrowserProfile]:
    return parse_page(body, "profiles", parse_browser_profile)


def _key(item: BrowserProfile) -> str:
    return item.profile_id


class BrowserProfiles(APIResource):
    """Create, inspect, change and delete browser profiles."""

    @takes_extras()
    def create(
        self,
        profile_name: str,
        *,
        description: str = "",
        persist: bool = True,
        ad_blocker: bool = True,
        proxy: bool = True,
        proxy_country_code: str = "us",
        browser_viewport_width: int = 1280,
        browser_viewport_height: int = 960,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> BrowserProfile:
        """Create a profile (pay-as-you-go accounts may have only one)."""
        body = check_fields(
            "CreateBrowserProfileRequest",
            profile_name=profile_name,
            description=description,
            persist=persist,
            ad_blocker=ad_blocker,
            proxy=proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
        )
        op = body_op(create_browser_profile, CreateBrowserProfileRequest, body)
        return self._http.call(op, parse_browser_profile, retry="safe_post", timeout=timeout)

    @takes_extras(body=False)
    def get(
        self, profile_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> BrowserProfile:
        """One profile."""
        op = get_browser_profile.request_kwargs(check_id("profile_id", profile_id))
        return self._http.call(op, parse_browser_profile, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def list(
        self,
        *,
        page: int = 1,
        limit: int = 10,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Page[BrowserProfile]:
        """One page of profiles, newest first (`limit` up to 100)."""
        check_page_args(page, limit)
        op = list_browser_profiles.request_kwargs(page=page, limit=limit)
        return self._http.call(op, _parse_page, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def iter(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        max_items: int | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> Iterator[BrowserProfile]:
        """Every profile once, fetching pages lazily."""
        walk = PageWalk(_key, page_size=page_size, max_items=max_items)
        return self._paginate(self.list, walk, timeout)

    @takes_extras()
    def update(
        self,
        profile_id: str,
        *,
        profile_name: str | None = None,
        description: str | None = None,
        persist: bool | None = None,
        ad_blocker: bool | None = None,
        proxy: bool | None = None,
        proxy_country_code: str | None = None,
        browser_viewport_width: int | None = None,
        browser_viewport_height: int | None = None,
        timeout: RequestTimeout = None,
        **extras: Unpack[RequestExtras],
    ) -> BrowserProfile:
        """Change the given fields (None leaves a field as it is); returns the new state."""
        body = check_fields(
            "UpdateBrowserProfileRequest",
            profile_name=profile_name,
            description=description,
            persist=persist,
            ad_blocker=ad_blocker,
            proxy=proxy,
            proxy_country_code=proxy_country_code,
            browser_viewport_width=browser_viewport_width,
            browser_viewport_height=browser_viewport_height,
        )
        op = body_op(
            update_browser_profile,
            UpdateBrowserProfileRequest,
            body,
            profile_id=check_id("profile_id", profile_id),
        )
        return self._http.call(op, parse_browser_profile, retry="idempotent", timeout=timeout)

    @takes_extras(body=False)
    def delete(
        self, profile_id: str, *, timeout: RequestTimeout = None, **extras: Unpack[RequestExtras]
    ) -> None:
        """Delete a profile and its saved browser data.

        A retry that finds it gone after an earlier attempt timed out counts as success.
        """
        op = delete_browser_profile.request_kwargs(check_id("profile_id", profile_id))
        self._http.request(op, retry="idempotent", timeout=timeout, missing_ok_on_retry=True)
