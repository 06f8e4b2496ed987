"""An API operation as the driver sends it: the request a generated endpoint module
builds, and its response's JSON. Pure."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import httpx


def body_op(module: ModuleType, model: Any, fields: Mapping[str, Any], **kwargs: Any) -> Any:
    """`module.request_kwargs(..., body=model(**fields))`: the generated request model and
    operation build the request; a field left out (or None, if optional) is not sent."""
    return module.request_kwargs(body=model(**fields), **kwargs)


def decode_json(response: httpx.Response) -> Any:
    """The JSON body, or None for an empty one (the service's empty 200s)."""
    content = response.content
    return json.loads(content) if content and not content.isspace() else None
