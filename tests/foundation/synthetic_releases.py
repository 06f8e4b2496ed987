"""Upstream releases of one kind each, as the service's framework would publish them.

Each release changes our openapi.json the way one upstream change would, with upstream prose
that a regen must not copy. `test_regen_releases.py` runs every one through `nox -s regen` on a
copy of the tree and checks what follows by itself and what the parity tests name.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from synthetic_change import UPSTREAM_PROSE

SpecJSON = dict[str, Any]

LIST_TASKS = ("/api/v1/tasks", "get")
RUN_TASK = ("/api/v1/run-task", "post")
SESSIONS_PATH = "/api/v1/agent-sessions"
SESSIONS_FUNCTION = "list_agent_sessions"


@dataclass(frozen=True)
class Release:
    """One synthetic upstream release and what a regen of it must lead to."""

    name: str
    change: Callable[[SpecJSON], None]  # edits a copy of the spec in place
    parity: frozenset[str]  # the exact items `pytest -m spec_parity --parity-report` lists
    allow_breaking: bool = False
    breaking: int = 0  # breaking changes in the change report
    non_breaking: int = 1
    probe: str = ""  # Python run in the regenerated tree; prints one JSON object
    expected: dict[str, Any] = field(default_factory=dict)  # what the probe prints
    cli_help: tuple[tuple[str, ...], str] | None = None  # (command, what its --help must show)

    def apply(self, spec: SpecJSON) -> SpecJSON:
        changed = copy.deepcopy(spec)
        self.change(changed)
        return changed


def _operation(spec: SpecJSON, where: tuple[str, str]) -> SpecJSON:
    path, method = where
    found: SpecJSON = spec["paths"][path][method]
    return found


def _schemas(spec: SpecJSON) -> SpecJSON:
    found: SpecJSON = spec["components"]["schemas"]
    return found


def _json_response(schema: SpecJSON) -> SpecJSON:
    return {"description": UPSTREAM_PROSE, "content": {"application/json": {"schema": schema}}}


def _query_on_list_tasks(spec: SpecJSON) -> None:
    _operation(spec, LIST_TASKS)["parameters"].append(
        {
            "name": "status",
            "in": "query",
            "required": False,
            "description": UPSTREAM_PROSE,
            "schema": {
                "anyOf": [{"$ref": "#/components/schemas/TaskStatusEnum"}, {"type": "null"}],
                "title": "Status",
            },
        }
    )


def _header_on_run_task(spec: SpecJSON) -> None:
    _operation(spec, RUN_TASK).setdefault("parameters", []).append(
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "description": UPSTREAM_PROSE,
            "schema": {"type": "string", "maxLength": 64, "title": "Idempotency-Key"},
        }
    )


def _status_value(spec: SpecJSON) -> None:
    _schemas(spec)["TaskStatusEnum"]["enum"].append("queued")


def _nested_response_field(spec: SpecJSON) -> None:
    _schemas(spec)["TaskStepResponse"]["properties"]["duration_ms"] = {
        "anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}],
        "title": "Duration Ms",
        "description": UPSTREAM_PROSE,
    }


def _paginated_operation(spec: SpecJSON) -> None:
    schemas = _schemas(spec)
    schemas["AgentSessionResponse"] = {
        "type": "object",
        "title": "AgentSessionResponse",
        "description": UPSTREAM_PROSE,
        "properties": {
            "id": {"type": "string", "title": "Id"},
            "started_at": {"type": "string", "format": "date-time", "title": "Started At"},
        },
        "required": ["id", "started_at"],
    }
    page = copy.deepcopy(schemas["ListTasksResponse"])
    page["title"] = "ListAgentSessionsResponse"
    page["description"] = UPSTREAM_PROSE
    page["properties"]["sessions"] = page["properties"].pop("tasks")
    page["properties"]["sessions"]["items"] = {"$ref": "#/components/schemas/AgentSessionResponse"}
    page["properties"]["sessions"]["title"] = "Sessions"
    page["required"] = ["sessions" if name == "tasks" else name for name in page["required"]]
    schemas["ListAgentSessionsResponse"] = page
    listing = copy.deepcopy(_operation(spec, LIST_TASKS))
    listing.update(
        summary="List Agent Sessions",
        description=UPSTREAM_PROSE,
        operationId="list_agent_sessions_api_v1_agent_sessions_get",
        tags=["API v1"],
    )
    listing["responses"]["200"] = _json_response(
        {"$ref": "#/components/schemas/ListAgentSessionsResponse"}
    )
    spec["paths"][SESSIONS_PATH] = {"get": listing}


def _balance_is_an_integer(spec: SpecJSON) -> None:
    balance = _schemas(spec)["CheckUserBalanceResponse"]["properties"]["balance"]
    balance["type"] = "integer"


def _not_an_input(where: str, method: str, path: str, wrapper: str, operation: str) -> str:
    return (
        f"{where} (optional) of {method} {path} is not an input of client.{wrapper}: "
        f"add it (until then: client.call({operation!r}, ...))"
    )


CALL_PROBE = """
import json
from browser_use_cloud import BrowserUse
from browser_use_cloud.emulator import Emulator, EmulatorConfig

seen = {{}}
with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=2)) as emulator:
    with BrowserUse(api_key="k", base_url=emulator.base_url) as client:
{body}
print(json.dumps(seen, default=str))
"""


def _probe(body: str) -> str:
    indented = "\n".join(f"        {line}" if line else "" for line in body.strip().splitlines())
    return CALL_PROBE.format(body=indented)


RELEASES: tuple[Release, ...] = (
    Release(
        "query parameter on list-tasks",
        _query_on_list_tasks,
        parity=frozenset(
            {_not_an_input("parameter 'status'", "GET", LIST_TASKS[0], "tasks.list", "list_tasks")}
        ),
        probe=_probe("""
page = client.call("list_tasks", status="running", limit=5)
seen["call"] = sorted(page)
"""),
        expected={"call": ["limit", "page", "tasks", "total_count", "total_pages"]},
        cli_help=(("tasks", "list"), "--status"),
    ),
    Release(
        "header parameter on run-task",
        _header_on_run_task,
        parity=frozenset(
            {
                _not_an_input(
                    "parameter 'Idempotency-Key'", "POST", RUN_TASK[0], "tasks.create", "run_task"
                )
            }
        ),
        probe=_probe("""
from browser_use_cloud import RequestEvent
sent = []
def record(event):
    if isinstance(event, RequestEvent) and event.url.endswith("/run-task"):
        sent.append(event.headers.get("Idempotency-Key"))
with BrowserUse(api_key="k", base_url=emulator.base_url, hooks=[record]) as hooked:
    created = hooked.call("run_task", task="hi [[emulator:instant]]", **{"Idempotency-Key": "k1"})
seen["sent"] = sent
seen["created"] = sorted(created)
"""),
        expected={"sent": ["k1"], "created": ["id"]},
    ),
    Release(
        "status value",
        _status_value,
        parity=frozenset(),
        probe=_probe("""
from browser_use_cloud import TaskStatus
seen["statuses"] = [status.value for status in TaskStatus]
"""),
        expected={
            "statuses": ["created", "running", "finished", "stopped", "paused", "failed", "queued"]
        },
        cli_help=(("tasks", "status"), "queued"),
    ),
    Release(
        "nested response field",
        _nested_response_field,
        parity=frozenset(),
        probe=_probe("""
task = client.tasks.run("probe [[emulator:instant]]")
seen["duration_ms"] = [type(step.duration_ms).__name__ for step in task.steps][:1]
"""),
        expected={"duration_ms": ["int"]},
    ),
    Release(
        "paginated operation",
        _paginated_operation,
        parity=frozenset(
            {
                f"operation GET {SESSIONS_PATH} has no wrapper method; reach it with "
                f'client.call("{SESSIONS_FUNCTION}", ...)',
                f"MCP tool {SESSIONS_FUNCTION} (GET {SESSIONS_PATH}) is not in "
                "docs/guides/mcp.md: describe it under 'One tool per API operation'",
                f"operation GET {SESSIONS_PATH} ({SESSIONS_FUNCTION}) has no CLI command: write "
                "one under wrapper/browser_use_cloud/cli/ (a DerivedCommand derives its options) "
                "and add it to CLI_COMMANDS in "
                "wrapper/browser_use_cloud/cli/_operation_commands.py, or say why not in "
                "NO_CLI_COMMAND; until then: browser-use-cloud mcp offers it as a tool",
            }
        ),
        non_breaking=3,  # the operation and its two schemas
        probe=_probe(f"""
page = client.call("{SESSIONS_FUNCTION}", page=1, limit=2)
seen["call"] = sorted(page)
"""),
        expected={"call": ["limit", "page", "sessions", "total_count", "total_pages"]},
    ),
    Release(
        "breaking type change",
        _balance_is_an_integer,
        parity=frozenset(),
        allow_breaking=True,
        breaking=1,
        non_breaking=0,
        probe=_probe("""
import httpx
answer = httpx.get(emulator.base_url + "/balance", headers={"Authorization": "Bearer k"})
seen["answered"] = type(answer.json()["balance"]).__name__
seen["credits"] = str(client.balance().credits)
"""),
        expected={"answered": "int", "credits": "10000"},
    ),
)
