"""One argument check, one message, at every entry point.

Each bad input of `ROWS` runs through the typed method, `client.call`, the MCP tool (the
server in-process), the CLI (click's CliRunner, where the command has an option for the
field) and a `batch` JSONL line (for run-task rows). Every entry point must refuse it with
the same message (the typed method's, which must hold the row's fragment), and nothing may
be sent: the library clients use a transport that refuses to send and the CLI points at a
recording loopback server that must see no request. A secret value is never in any text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from mcp import Client

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InputError
from browser_use_cloud._frontends._explain import KNOWN_VALUES_ONLY
from browser_use_cloud._input.arguments import ALLOW_UNKNOWN_HINT, CALL_SENDS_UNKNOWN_HINT
from browser_use_cloud.cli._batch_input import ALLOW_UNKNOWN_LINE_HINT, read_input
from browser_use_cloud.cli._errors import CliError
from browser_use_cloud.mcp import create_server
from tests.cli_runs import run_cli_here
from tests.reliability.reliability_helpers import NoRequests, RecordingServer

SECRET = "s3cr3t-424242"
TASK = {"task": "x"}


@dataclass(frozen=True)
class Row:
    """`operation` called with `args` must be refused saying `says`."""

    operation: str
    args: dict[str, Any]
    says: str
    cli: tuple[str, ...] | None = None  # the CLI arguments, when the CLI can express it
    hidden: tuple[str, ...] = field(default=())  # text that must appear nowhere


def run(says: str, cli: tuple[str, ...] | None = None, **args: Any) -> Row:
    return Row("run_task", {**TASK, **args}, says, cli)


TYPED: dict[str, Callable[[BrowserUse, dict[str, Any]], Any]] = {
    "run_task": lambda c, a: c.tasks.create(a.pop("task"), **a),
    "create_scheduled_task": lambda c, a: c.scheduled_tasks.create(a.pop("task"), **a),
    "update_scheduled_task": lambda c, a: c.scheduled_tasks.update(a.pop("task_id"), **a),
    "create_browser_profile": lambda c, a: c.browser_profiles.create(a.pop("profile_name"), **a),
    "update_browser_profile": lambda c, a: c.browser_profiles.update(a.pop("profile_id"), **a),
    "list_tasks": lambda c, a: c.tasks.list(**a),
    "simple_search": lambda c, a: c.search.simple(a.pop("query"), **a),
    "search_url": lambda c, a: c.search.url(a.pop("url"), a.pop("query"), **a),
}

ROWS = [
    # task itself
    run("task must be a string, got int", task=123),
    run("task must describe what the agent should do; it is empty", ("run", "   "), task="   "),
    run("task must describe what the agent should do; it is empty", ("run", ""), task=""),
    run("task must be a string, got list", task=["a"]),
    # integers and bounds, the documented maximum merged into the table
    run(
        "max_agent_steps must be between 1 and 200, got 500",
        ("run", "x", "--max-steps", "500"),
        max_agent_steps=500,
    ),
    run(
        "max_agent_steps must be between 1 and 200, got 0",
        ("run", "x", "--max-steps", "0"),
        max_agent_steps=0,
    ),
    run(
        "max_agent_steps must be between 1 and 200, got -3",
        ("run", "x", "--max-steps", "-3"),
        max_agent_steps=-3,
    ),
    run(
        "max_agent_steps must be between 1 and 200, got 201",
        ("run", "x", "--max-steps", "201"),
        max_agent_steps=201,
    ),
    run("max_agent_steps must be an integer, got bool", max_agent_steps=True),
    run("max_agent_steps must be an integer, got str", max_agent_steps="10"),
    run("max_agent_steps must be an integer, got float", max_agent_steps=2.5),
    run("browser_viewport_width must be at least 1, got 0", browser_viewport_width=0),
    run("browser_viewport_width must be at least 1, got -5", browser_viewport_width=-5),
    run("browser_viewport_height must be at least 1, got 0", browser_viewport_height=0),
    run("browser_viewport_height must be an integer, got str", browser_viewport_height="960"),
    # booleans
    run("use_proxy must be True or False, got int", use_proxy=1),
    run("use_adblock must be True or False, got str", use_adblock="yes"),
    run("save_browser_data must be True or False, got int", save_browser_data=0),
    run("highlight_elements must be True or False, got str", highlight_elements="false"),
    run("enable_public_share must be True or False, got list", enable_public_share=[]),
    # enums, with near-miss suggestions
    run("llm_model='gpt-9000' is not a known value; allowed:", llm_model="gpt-9000"),
    run("llm_model='GPT-4.1' is not a known value (did you mean 'gpt-4.1'?)", llm_model="GPT-4.1"),
    run("llm_model='gpt-4.l' is not a known value (did you mean 'gpt-4.1'?)", llm_model="gpt-4.l"),
    run("llm_model='gpt4o' is not a known value (did you mean 'gpt-4o'?)", llm_model="gpt4o"),
    run("llm_model must be a non-empty string, got int", llm_model=4),
    run("llm_model must be a non-empty string, got str", llm_model=" "),
    run("proxy_country_code='zz' is not a known value; allowed: au", proxy_country_code="zz"),
    run(
        "proxy_country_code='US' is not a known value (did you mean 'us'?)", proxy_country_code="US"
    ),
    run("proxy_country_code must be a non-empty string, got int", proxy_country_code=1),
    # lists
    run("allowed_domains must be a list of strings, got str", allowed_domains="example.com"),
    run(
        "allowed_domains entry 'https://example.com' has a scheme",
        ("run", "x", "--allowed-domain", "https://example.com"),
        allowed_domains=["https://example.com"],
    ),
    run(
        "allowed_domains entry 'example.com/login' is not a domain",
        ("run", "x", "--allowed-domain", "example.com/login"),
        allowed_domains=["example.com/login"],
    ),
    run(
        "allowed_domains entry 'exa mple.com' is not a domain",
        ("run", "x", "--allowed-domain", "exa mple.com"),
        allowed_domains=["exa mple.com"],
    ),
    run("allowed_domains must contain only non-empty strings, got 1", allowed_domains=["a", 1]),
    run(
        "allowed_domains must contain only non-empty strings, got ''",
        ("run", "x", "--allowed-domain", ""),
        allowed_domains=[""],
    ),
    run("included_file_names must be a list of strings, got str", included_file_names="a.pdf"),
    run(
        "included_file_names must contain only non-empty strings, got None",
        included_file_names=[None],
    ),
    # metadata: the documented limits, merged into the table
    run("metadata may hold at most 10 pairs, got 11", metadata={f"k{i}": "v" for i in range(11)}),
    run(
        "metadata key 'kkkkkkkkkkkkkkkkkkkk'... is 200 characters; the limit is 100",
        metadata={"k" * 200: "v"},
    ),
    run(
        "metadata key 'kkkkkkkkkkkkkkkkkkkk'... is 101 characters; the limit is 100",
        metadata={"k" * 101: "v"},
    ),
    run("metadata['n'] is 1001 characters; the limit is 1000", metadata={"n": "v" * 1001}),
    run("metadata['n'] must be a string, got int", metadata={"n": 5}),
    run("metadata keys must be non-empty strings, got ''", metadata={"": "v"}),
    run("metadata must be a dict of str to str, got list", metadata=["a"]),
    # secrets: never echoed
    Row(
        "run_task",
        {**TASK, "secrets": {"pw": 424242}},
        "secrets['pw'] must be a string, got int",
        hidden=("424242",),
    ),
    Row(
        "run_task",
        {**TASK, "secrets": {"pw": [SECRET]}},
        "secrets['pw'] must be a string, got list",
        hidden=(SECRET,),
    ),
    Row(
        "run_task",
        {**TASK, "secrets": SECRET},
        "secrets must be a dict of str to str, got str",
        hidden=(SECRET,),
    ),
    # structured output
    run("structured_output_json is not valid JSON", structured_output_json="{nope"),
    run("structured_output_json must be a non-empty string", structured_output_json="  "),
    run("structured_output_json must be a non-empty string", structured_output_json=7),
    # unknown names
    run(
        "run_task got unexpected argument 'max_steps' (did you mean 'max_agent_steps'?)",
        max_steps=3,
    ),
    run("run_task got unexpected argument 'flash_mod'", flash_mod=True),
    run("run_task got unexpected argument 'llm'", llm="gpt-4o"),
    run("run_task got unexpected arguments 'a', 'b'", a=1, b=2),
    # other operations: browser profiles, scheduled tasks, lists, search
    Row(
        "create_browser_profile",
        {"profile_name": "p", "proxy_country_code": "zz"},
        "proxy_country_code='zz' is not a known value",
        ("profiles", "create", "--name", "p", "--proxy-country", "zz"),
    ),
    Row(
        "create_browser_profile",
        {"profile_name": "   "},
        "profile_name must name the profile; it is empty",
        ("profiles", "create", "--name", "   "),
    ),
    Row(
        "create_browser_profile",
        {"profile_name": "p", "persist": "yes"},
        "persist must be True or False, got str",
    ),
    Row(
        "create_browser_profile",
        {"profile_name": "p", "browser_viewport_width": 0},
        "browser_viewport_width must be at least 1, got 0",
    ),
    Row(
        "update_browser_profile",
        {"profile_id": "b1", "ad_blocker": 1},
        "ad_blocker must be True or False, got int",
    ),
    Row(
        "update_browser_profile",
        {"profile_id": "b1", "proxy_country_code": "DE"},
        "proxy_country_code='DE' is not a known value (did you mean 'de'?)",
    ),
    Row(
        "create_scheduled_task",
        {"task": "t", "schedule_type": "interval", "interval_minutes": 0},
        "interval_minutes must be at least 1, got 0",
    ),
    Row(
        "create_scheduled_task",
        {"task": "  ", "schedule_type": "interval", "interval_minutes": 5},
        "task must describe what the agent should do; it is empty",
    ),
    Row(
        "create_scheduled_task",
        {"task": "t", "schedule_type": "interval", "interval_minutes": 5, "max_agent_steps": 999},
        "max_agent_steps must be between 1 and 200, got 999",
    ),
    Row(
        "update_scheduled_task",
        {"task_id": "s1", "is_active": "no"},
        "is_active must be True or False, got str",
    ),
    Row(
        "update_scheduled_task",
        {"task_id": "s1", "llm_model": "o5"},
        "llm_model='o5' is not a known value",
    ),
    Row(
        "list_tasks",
        {"limit": 101},
        "limit must be between 1 and 100, got 101",
        ("tasks", "list", "--limit", "101"),
    ),
    Row(
        "list_tasks",
        {"limit": 0},
        "limit must be between 1 and 100, got 0",
        ("tasks", "list", "--limit", "0"),
    ),
    Row("list_tasks", {"page": 0}, "page must be at least 1, got 0"),
    Row("list_tasks", {"limit": "10"}, "limit must be an integer, got str"),
    Row("simple_search", {"query": "  "}, "query must say what to look for; it is empty"),
    Row(
        "search_url",
        {"url": "https://example.com", "query": ""},
        "query must say what to look for; it is empty",
    ),
]


UNKNOWN_HINTS = (
    ALLOW_UNKNOWN_HINT,
    CALL_SENDS_UNKNOWN_HINT,
    KNOWN_VALUES_ONLY,
    ALLOW_UNKNOWN_LINE_HINT,
)
"""How each entry point ends an unknown-enum error: how (or whether) it sends a newer value."""
TAKES_ALLOW_UNKNOWN = {"run_task", "create_scheduled_task", "update_scheduled_task"}
"""Operations whose typed method takes `allow_unknown`."""


def _core(text: str) -> str:
    """The message without the enum hint, which each entry point words in its own terms."""
    for hint in UNKNOWN_HINTS:
        text = text.split(hint)[0]
    return text.split("; it takes ")[0].strip()  # what each entry point takes differs


def _ids(row: Row) -> str:
    return f"{row.operation}:{'/'.join(f'{k}' for k in row.args if k not in TASK)}:{row.says}"


def test_there_are_enough_rows() -> None:
    assert len(ROWS) >= 60


@pytest.mark.parametrize("row", ROWS, ids=_ids)
def test_every_entry_point_refuses_with_the_same_message(
    row: Row, no_requests: NoRequests, recording_server: RecordingServer
) -> None:
    with BrowserUse(
        api_key="k", base_url="https://api.test/api/v1", transport=no_requests.sync
    ) as c:
        with pytest.raises(InputError) as typed:
            TYPED[row.operation](c, dict(row.args))
        message = _core(str(typed.value))
        assert row.says in message
        with pytest.raises(InputError) as called:
            c.call(row.operation, **row.args)
    texts = {"typed": str(typed.value), "call": str(called.value)}
    assert _core(str(called.value)) == message
    texts["mcp"] = _mcp_error(row, no_requests)
    assert message in texts["mcp"]
    if row.operation == "run_task":
        texts["batch"] = _batch_error(row)
        assert message in texts["batch"]
    if row.cli is not None:
        code, output = _cli(row.cli, recording_server)
        texts["cli"] = output
        assert code == 2, output
        assert message in _core(" ".join(output.split())), output
    assert no_requests.requests == [] and recording_server.seen == []
    if "is not a known value" in row.says:
        _check_unknown_hints(row, texts)
    for where, text in texts.items():
        for hidden in row.hidden:
            assert hidden not in text, where


def _check_unknown_hints(row: Row, texts: dict[str, str]) -> None:
    """Each entry point says how a newer value is sent there, never in another's terms:
    `allow_unknown=True` only where the call takes it, a batch line's own key, and neither
    for an MCP tool or a CLI option, which cannot send one."""
    typed_hint = (
        ALLOW_UNKNOWN_HINT if row.operation in TAKES_ALLOW_UNKNOWN else CALL_SENDS_UNKNOWN_HINT
    )
    assert texts["typed"].endswith(typed_hint), texts["typed"]
    assert texts["call"].endswith(ALLOW_UNKNOWN_HINT), texts["call"]
    assert KNOWN_VALUES_ONLY in texts["mcp"] and "allow_unknown" not in texts["mcp"]
    if "batch" in texts:
        assert ALLOW_UNKNOWN_LINE_HINT in texts["batch"] and "=True" not in texts["batch"]
    if "cli" in texts:
        flat = " ".join(texts["cli"].split())
        assert KNOWN_VALUES_ONLY in flat and "allow_unknown" not in flat, flat


def test_an_mcp_extra_tool_does_not_offer_allow_unknown(no_requests: NoRequests) -> None:
    """run_task_and_wait is checked by its tool schema, in the MCP's terms."""
    row = Row("run_task_and_wait", {"task": "x", "llm_model": "gpt-9000"}, "")
    text = _mcp_error(row, no_requests)
    assert "llm_model='gpt-9000' is not a known value" in text
    assert KNOWN_VALUES_ONLY in text and "allow_unknown" not in text
    assert no_requests.requests == []


def _cli(args: tuple[str, ...], server: RecordingServer) -> tuple[int, str]:
    """The exit code and output of the CLI's entry point (in this process)."""
    env = {"BROWSER_USE_API_KEY": "k", "BROWSER_USE_BASE_URL": server.base_url}
    done = run_cli_here(*args, env=env)
    return done.returncode, done.stdout + done.stderr


def _mcp_error(row: Row, no_requests: NoRequests) -> str:
    import anyio

    async def call() -> str:
        library = AsyncBrowserUse(
            api_key="k", base_url="https://api.test/api/v1", transport=no_requests.asynchronous
        )
        async with library, Client(create_server(library)) as session:
            result = await session.call_tool(row.operation, row.args)
        assert result.is_error
        text: str = result.content[0].text  # type: ignore[union-attr]
        return text

    return anyio.run(call)


def _batch_error(row: Row) -> str:
    line = json.dumps(row.args) + "\n"
    with pytest.raises(CliError) as refused:
        read_input("-", io.StringIO(line))
    return str(refused.value)
