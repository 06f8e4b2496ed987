"""Every operation of openapi.json (plus the June-2025 legacy call) is served and conforms."""

from __future__ import annotations

import random
from typing import Any

import pytest

from browser_use_cloud.emulator._schema_values import generate

from .conftest import OPERATIONS, Api

DOCUMENTED = {200, 401, 402, 404, 409, 422}


def _valid_body(schema: dict[str, Any], seed: int) -> Any:
    return generate(schema, random.Random(seed))


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_is_served_and_answers_match_the_spec(api: Api, name: str) -> None:
    op = OPERATIONS[name]
    for seed in range(4):
        path = {p["name"]: f"id-{seed}" for p in op.parameters if p["in"] == "path"}
        query = {
            p["name"]: f"id-{seed}"
            for p in op.parameters
            if p["in"] == "query" and p["name"] == "task_id"
        }
        kwargs: dict[str, Any] = {"params": query}
        if op.body_schema is not None:
            kwargs["json"] = _valid_body(op.body_schema, seed)
        response = api.call(name, path, expect=None, **kwargs)
        assert response.status_code in DOCUMENTED, response.text


def test_every_secured_operation_needs_a_key(api: Api) -> None:
    anonymous = Api(str(api.http.base_url), api_key=None)
    for name, op in OPERATIONS.items():
        path = {p["name"]: "x" for p in op.parameters if p["in"] == "path"}
        response = anonymous.call(name, path, expect=None, params={"task_id": "x"})
        assert (response.status_code == 401) == op.secured, name
