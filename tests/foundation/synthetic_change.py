"""An upstream release as the service's framework would publish it, applied to a spec.

The change is the common kind: a new operation with a new response schema, a new optional
request field, a new optional response field and a new enum value, each with upstream prose
(which a regen must not copy).
"""

from __future__ import annotations

import copy
from typing import Any

SpecJSON = dict[str, Any]

NEW_PATH = "/api/v1/task/{task_id}/logs"
NEW_OPERATION = f"GET {NEW_PATH}"
NEW_OPERATION_ID = "get_task_logs_api_v1_task__task_id__logs_get"
NEW_FUNCTION = "get_task_logs"
NEW_SCHEMA = "TaskLogsResponse"
NEW_REQUEST_FIELD = ("RunTaskRequest", "flash_mode")
NEW_RESPONSE_FIELD = ("TaskResponse", "cost")
NEW_ENUM_VALUE = ("LLMModel", "gpt-5")
UPSTREAM_PROSE = "Upstream wording that must not be copied."


def _json_response(schema: SpecJSON, description: str) -> SpecJSON:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def new_operation(spec: SpecJSON, *, request_body: SpecJSON | None = None) -> SpecJSON:
    """``GET /api/v1/task/{task_id}/logs`` (or a POST with ``request_body``) and its schema."""
    changed = copy.deepcopy(spec)
    operation: SpecJSON = {
        "tags": ["API v1"],
        "summary": "Get Task Logs",
        "description": UPSTREAM_PROSE,
        "operationId": NEW_OPERATION_ID,
        "security": [{"HTTPBearer": []}],
        "parameters": [
            {
                "name": "task_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "title": "Task Id"},
            }
        ],
        "responses": {
            "200": _json_response(
                {"$ref": f"#/components/schemas/{NEW_SCHEMA}"}, "Successful Response"
            ),
            "422": _json_response(
                {"$ref": "#/components/schemas/HTTPValidationError"}, "Validation Error"
            ),
        },
    }
    method = "get"
    if request_body is not None:
        method = "post"
        operation["operationId"] = NEW_OPERATION_ID.removesuffix("_get") + "_post"
        operation["requestBody"] = request_body
    changed["paths"][NEW_PATH] = {method: operation}
    changed["components"]["schemas"][NEW_SCHEMA] = {
        "type": "object",
        "title": NEW_SCHEMA,
        "description": UPSTREAM_PROSE,
        "properties": {
            "download_url": {
                "type": "string",
                "title": "Download Url",
                "description": UPSTREAM_PROSE,
            }
        },
        "required": ["download_url"],
    }
    return changed


def apply(spec: SpecJSON) -> SpecJSON:
    """The whole synthetic release."""
    changed = new_operation(spec)
    schemas = changed["components"]["schemas"]
    schema, field = NEW_REQUEST_FIELD
    schemas[schema]["properties"][field] = {
        "anyOf": [{"type": "boolean"}, {"type": "null"}],
        "title": "Flash Mode",
        "description": UPSTREAM_PROSE,
        "default": False,
    }
    schema, field = NEW_RESPONSE_FIELD
    schemas[schema]["properties"][field] = {
        "anyOf": [{"type": "number"}, {"type": "null"}],
        "title": "Cost",
        "description": UPSTREAM_PROSE,
    }
    schema, value = NEW_ENUM_VALUE
    schemas[schema]["enum"].append(value)
    return changed
