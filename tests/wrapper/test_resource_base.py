"""Every resource (`client.tasks`, `client.files`, ...) is built on one small base class.

It holds the client's context and the context's HTTP driver under the same names
everywhere, so a resource never reaches into the client or another resource for them.
"""

from __future__ import annotations

import pytest
from wrapper_helpers import Recorder, make_client

from browser_use_cloud._async._resource import AsyncAPIResource
from browser_use_cloud._sync._resource import APIResource

RESOURCES = ("tasks", "scheduled_tasks", "files", "browser_profiles", "search")


@pytest.mark.parametrize("name", RESOURCES)
def test_each_resource_holds_its_clients_context_and_driver(kind: str, name: str) -> None:
    client = make_client(kind, Recorder())
    resource = getattr(client, name)
    assert isinstance(resource, APIResource if kind == "sync" else AsyncAPIResource)
    assert resource._context is client._context
    assert resource._http is client._context.http is client._http


@pytest.mark.parametrize("name", RESOURCES)
def test_a_copy_with_options_gets_resources_of_its_own(kind: str, name: str) -> None:
    client = make_client(kind, Recorder())
    quick = client.with_options(timeout=3)
    resource = getattr(quick, name)
    assert resource._context is quick._context is not client._context
    assert resource._http is quick._http is not client._http
