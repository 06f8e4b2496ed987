"""Bad input: a clear, specific error before any request is sent (library and CLI).

Each library case runs against a transport that records (and refuses) any request; each
CLI case points the CLI at a recording loopback server. Every case asserts the exception
type (or exit code), that the message names what was wrong and what is allowed, and that
nothing reached the network. The same table is in soak/README_SECTION.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from browser_use_cloud import AsyncBrowserUse, BrowserUse, InputError
from tests.reliability.reliability_helpers import NoRequests, RecordingServer, cli_env, run_cli

NOW = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Case:
    """`call(client)` must raise `error` whose message contains every one of `says`."""

    name: str
    call: Callable[[BrowserUse], Any]
    says: tuple[str, ...]
    error: type[Exception] = InputError


def _walk(iterator: Iterator[Any]) -> None:
    for _ in iterator:
        pass


LIBRARY_CASES = [
    Case("task not a string", lambda c: c.tasks.create(123), ("task must be a string", "int")),
    Case("task empty", lambda c: c.tasks.create("   "), ("task", "empty")),
    Case(
        "max_agent_steps out of range",
        lambda c: c.tasks.create("x", max_agent_steps=0),
        ("max_agent_steps", "between 1 and 200", "got 0"),
    ),
    Case(
        "max_agent_steps a bool",
        lambda c: c.tasks.create("x", max_agent_steps=True),
        ("max_agent_steps must be an integer",),
    ),
    Case(
        "unknown llm_model",
        lambda c: c.tasks.create("x", llm_model="gpt-9000"),
        ("gpt-9000", "not a known value", "allowed:", "gpt-4.1", "allow_unknown=True"),
    ),
    Case(
        "llm_model in the wrong case",
        lambda c: c.tasks.create("x", llm_model="GPT-4.1"),
        ("did you mean 'gpt-4.1'",),
    ),
    Case(
        "unknown proxy country",
        lambda c: c.tasks.create("x", proxy_country_code="zz"),
        ("proxy_country_code='zz'", "allowed:"),
    ),
    Case(
        "allowed_domains a plain string",
        lambda c: c.tasks.create("x", allowed_domains="example.com"),
        ("allowed_domains must be a list of strings", "str"),
    ),
    Case(
        "allowed_domains with a scheme",
        lambda c: c.tasks.create("x", allowed_domains=["https://example.com"]),
        ("'https://example.com'", "has a scheme", "example.com"),
    ),
    Case(
        "allowed_domains with a path",
        lambda c: c.tasks.create("x", allowed_domains=["example.com/login"]),
        ("not a domain", "'*.example.com'"),
    ),
    Case(
        "too many metadata pairs",
        lambda c: c.tasks.create("x", metadata={f"k{i}": "v" for i in range(10)}),
        ("at most 10 pairs", "request id", "got 11"),
    ),
    Case(
        "metadata value too long",
        lambda c: c.tasks.create("x", metadata={"note": "v" * 1001}),
        ("metadata['note'] is 1001 characters", "limit is 1000"),
    ),
    Case(
        "metadata value not a string",
        lambda c: c.tasks.create("x", metadata={"n": 5}),
        ("metadata['n'] must be a string", "int"),
    ),
    Case(
        "reserved metadata key",
        lambda c: c.tasks.create("x", metadata={"bu_request_id": "mine"}),
        ("'bu_request_id' is reserved", "request_id="),
    ),
    Case(
        "secret value not a string (value never echoed)",
        lambda c: c.tasks.create("x", secrets={"password": 123456789}),
        ("secrets['password'] must be a string", "int"),
    ),
    Case(
        "structured output schema that is not JSON",
        lambda c: c.tasks.create("x", structured_output_json="{not json"),
        ("structured_output_json", "JSON"),
    ),
    Case(
        "output_type and structured_output_json together",
        lambda c: c.tasks.create("x", output_type={"type": "object"}, structured_output_json="{}"),
        ("either output_type or structured_output_json, not both",),
    ),
    Case(
        "output_type of the wrong kind",
        lambda c: c.tasks.create("x", output_type=42),
        ("output_type must be a pydantic model class or a JSON Schema dict", "42"),
    ),
    Case(
        "negative viewport",
        lambda c: c.tasks.create("x", browser_viewport_width=-5),
        ("browser_viewport_width must be at least 1", "-5"),
    ),
    Case(
        "empty request_id",
        lambda c: c.tasks.create("x", request_id=""),
        ("request_id must be True, False or a non-empty string",),
    ),
    Case(
        "negative wait timeout",
        lambda c: c.tasks.wait("task-1", wait_timeout=-1),
        ("wait_timeout must be a number of seconds >= 0 or None", "-1"),
    ),
    Case(
        "unknown on_timeout",
        lambda c: c.tasks.wait("task-1", on_timeout="ignore"),
        ("on_timeout must be 'raise' or 'stop'", "'ignore'"),
    ),
    Case("empty task id", lambda c: c.tasks.get(""), ("task_id must be a non-empty string",)),
    Case(
        "page size over the cap",
        lambda c: c.tasks.list(limit=101),
        ("limit must be between 1 and 100", "101"),
    ),
    Case(
        "page zero",
        lambda c: c.tasks.list(page=0),
        ("page must be at least 1, got 0",),
    ),
    Case(
        "negative max_items",
        lambda c: _walk(c.tasks.iter(max_items=-1)),
        ("max_items must be None or an integer >= 0", "-1"),
    ),
    Case(
        "upload of a missing file",
        lambda c: c.files.upload("/nonexistent/dir/report.pdf"),
        ("no such file", "report.pdf"),
    ),
    Case(
        "upload over 10 MB",
        lambda c: c.files.upload(b"\0" * (10 * 1024 * 1024 + 1), name="big.pdf"),
        ("'big.pdf' is 10485761 bytes", "limit is 10485760 bytes"),
    ),
    Case(
        "upload of a type the service refuses",
        lambda c: c.files.upload(b"MZ", name="tool.exe", content_type="application/x-msdownload"),
        ("not accepted", "images", "PDF"),
    ),
    Case(
        "upload name with a path",
        lambda c: c.files.upload(b"x", name="../etc/notes.txt"),
        ("must be a plain name", "'/'"),
    ),
    Case(
        "download into a missing folder",
        lambda c: c.tasks.download_output_file("t-1", "out.csv", "/nonexistent/dir/out.csv"),
        ("the folder '/nonexistent/dir' does not exist", "create it first"),
    ),
    Case(
        "bad cron field",
        lambda c: c.scheduled_tasks.create("x", cron_expression="61 * * * *"),
        ("minute field item '61'", "allowed: *, values 0-59"),
    ),
    Case(
        "cron with too few fields",
        lambda c: c.scheduled_tasks.create("x", cron_expression="* * *"),
        ("has 3 fields", "needs 5"),
    ),
    Case(
        "interval of zero minutes",
        lambda c: c.scheduled_tasks.create("x", interval_minutes=0),
        ("interval_minutes must be at least 1", "got 0"),
    ),
    Case(
        "neither interval nor cron",
        lambda c: c.scheduled_tasks.create("x"),
        ("exactly one of interval_minutes", "cron_expression"),
    ),
    Case(
        "start after end",
        lambda c: c.scheduled_tasks.create(
            "x", interval_minutes=5, start_at=NOW + dt.timedelta(days=2), end_at=NOW
        ),
        ("start_at (2030-01-03", "must be before end_at (2030-01-01"),
    ),
    Case(
        "naive start time",
        lambda c: c.scheduled_tasks.create("x", interval_minutes=5, start_at="2030-01-01T09:00:00"),
        ("start_at has no timezone", "+00:00"),
    ),
    Case(
        "unknown schedule type",
        lambda c: c.scheduled_tasks.create("x", schedule_type="weekly", interval_minutes=5),
        ("schedule_type='weekly' is not a known value", "allowed: cron, interval"),
    ),
    Case(
        "cron macro",
        lambda c: c.scheduled_tasks.create("x", cron_expression="@daily"),
        ("@daily are not accepted", "five fields", "'0 0 * * *'"),
    ),
    Case(
        "cron with a non-ASCII digit",
        lambda c: c.scheduled_tasks.create("x", cron_expression="² * * * *"),
        ("minute field item '²'", "0-59"),
    ),
    Case(
        "cron that never runs",
        lambda c: c.scheduled_tasks.create("x", cron_expression="0 0 31 2 *"),
        ("would never run", "February"),
    ),
    Case(
        "unknown proxy country on a profile",
        lambda c: c.browser_profiles.create("p", proxy_country_code="zz"),
        ("proxy_country_code='zz'", "not a known value", "allowed:", "us"),
    ),
    Case(
        "unknown proxy country on a profile update",
        lambda c: c.browser_profiles.update("p-1", proxy_country_code="zz"),
        ("proxy_country_code='zz'", "not a known value"),
    ),
    Case(
        "iter page_size out of range",
        lambda c: _walk(c.tasks.iter(page_size=101)),
        ("page_size must be between 1 and 100", "101"),
    ),
]


@pytest.mark.parametrize("case", LIBRARY_CASES, ids=lambda case: case.name)
def test_library_rejects_before_sending(case: Case, no_requests: NoRequests) -> None:
    client = BrowserUse(api_key="bu_test", transport=no_requests.sync, max_retries=0)
    with client, pytest.raises(case.error) as caught:
        case.call(client)
    message = str(caught.value)
    for fragment in case.says:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert no_requests.requests == []


CLIENT_CASES: list[tuple[str, dict[str, Any], tuple[str, ...]]] = [
    ("empty api key", {"api_key": ""}, ("No API key", "BROWSER_USE_API_KEY")),
    (
        "api key with a newline",
        {"api_key": "bu_abc\nX-Injected: 1"},
        ("API key", "newline"),
    ),
    (
        "api key with non-ASCII characters",
        {"api_key": "bu_abc\u00e9"},
        ("API key", "ASCII"),
    ),
    (
        "http:// to a non-loopback host",
        {"base_url": "http://api.example.com/api/v1"},
        ("Refusing plain http://", "'api.example.com'", "allow_insecure_http=True"),
    ),
    ("base_url without http(s)", {"base_url": "ftp://files.example.com"}, ("http(s) URL",)),
    (
        "base_url without http(s), with a password",
        {"base_url": "ftp://user:bu_abc_pw@files.example.com"},
        ("http(s) URL", "'ftp://<redacted>@files.example.com'"),
    ),
    ("negative timeout", {"timeout": -1}, ("timeout must be a positive number", "-1")),
    ("negative max_retries", {"max_retries": -1}, ("max_retries must be an integer >= 0", "-1")),
]


@pytest.mark.parametrize(("name", "kwargs", "says"), CLIENT_CASES, ids=[c[0] for c in CLIENT_CASES])
def test_client_settings_are_checked_when_the_client_is_made(
    name: str, kwargs: dict[str, Any], says: tuple[str, ...], no_requests: NoRequests
) -> None:
    options = {"api_key": "bu_test", "transport": no_requests.sync, **kwargs}
    with pytest.raises(InputError) as caught:
        BrowserUse(**options)
    message = str(caught.value)
    for fragment in says:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert "bu_abc" not in message  # a bad key (or a URL's password) is never echoed
    assert no_requests.requests == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    "case",
    [
        c
        for c in LIBRARY_CASES
        if c.name in {"unknown llm_model", "bad cron field", "start after end"}
    ],
    ids=lambda case: case.name,
)
async def test_async_client_rejects_the_same_way(case: Case, no_requests: NoRequests) -> None:
    async with AsyncBrowserUse(api_key="bu_test", transport=no_requests.asynchronous) as client:
        with pytest.raises(case.error) as caught:
            await case.call(client)  # type: ignore[arg-type]
    for fragment in case.says:
        assert fragment in str(caught.value)
    assert no_requests.requests == []


@dataclass(frozen=True)
class CliCase:
    name: str
    args: tuple[str, ...]
    says: tuple[str, ...]
    code: int = 2


def _big_file(tmp: Path) -> str:
    path = tmp / "big.pdf"
    with open(path, "wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    return str(path)


CLI_CASES = [
    CliCase(
        "run --max-steps 0",
        ("run", "x", "--max-steps", "0"),
        ("max_agent_steps must be between 1 and 200, got 0",),
    ),
    CliCase(
        "run --schema-json not JSON",
        ("run", "x", "--schema-json", "{nope"),
        ("--schema-json is not valid JSON",),
    ),
    CliCase(
        "run --schema-json not an object",
        ("run", "x", "--schema-json", "[1, 2]"),
        ("must be a JSON object",),
    ),
    CliCase("run --secret without =", ("run", "x", "--secret", "token"), ("KEY=VALUE",)),
    CliCase(
        "run --wait-timeout negative",
        ("run", "x", "--wait-timeout", "-1"),
        ("--wait-timeout", "x>0"),
    ),
    CliCase(
        "run --file missing",
        ("run", "x", "--file", "/nonexistent/report.pdf"),
        ("/nonexistent/report.pdf", "does not exist"),
    ),
    CliCase(
        "run --allowed-domain with a scheme",
        ("run", "x", "--allowed-domain", "https://example.com"),
        ("has a scheme", "example.com"),
    ),
    CliCase(
        "schedules create --cron bad",
        ("schedules", "create", "x", "--cron", "61 * * * *"),
        ("minute field item '61'", "0-59"),
    ),
    CliCase(
        "schedules create start after end",
        (
            "schedules",
            "create",
            "x",
            "--interval-minutes",
            "5",
            "--start-at",
            "2030-02-01T00:00:00+00:00",
            "--end-at",
            "2030-01-01T00:00:00+00:00",
        ),
        ("must be before end_at",),
    ),
    CliCase(
        "profiles create --proxy-country unknown",
        ("profiles", "create", "--name", "p", "--proxy-country", "zz"),
        ("proxy_country_code='zz'", "allowed:"),
    ),
    CliCase(
        "schedules create --cron @daily",
        ("schedules", "create", "x", "--cron", "@daily"),
        ("'0 0 * * *'",),
    ),
    CliCase(
        "tasks list --limit 500",
        ("tasks", "list", "--limit", "500"),
        ("limit must be between 1 and 100, got 500",),
    ),
    CliCase("files upload over 10 MB", ("files", "upload", "{big}"), ("limit is 10485760 bytes",)),
    CliCase(
        "mcp --http --allow-dir",
        ("mcp", "--http", "--allow-dir", "."),
        ("--allow-dir is for stdio", "no tool reads or writes local paths"),
    ),
    CliCase("mcp --token-file without --http", ("mcp", "--token-file", __file__), ("for --http",)),
    CliCase(
        "run --secret-env unset",
        ("run", "x", "--secret-env", "password=BU_TEST_UNSET_VARIABLE"),
        ("--secret-env password=BU_TEST_UNSET_VARIABLE", "is not set"),
    ),
    CliCase(
        "run --secrets-file with a bad line",
        ("run", "x", "--secrets-file", "{tmp}/secrets.txt"),
        ("--secrets-file", "line 1", "KEY=VALUE"),
    ),
    CliCase(
        "batch -o in a missing folder",
        ("batch", "{tmp}/in.jsonl", "-o", "{tmp}/missing/out.jsonl"),
        ("missing", "does not exist"),
    ),
    CliCase(
        "batch CSV cell over 128 KiB",
        ("batch", "{tmp}/big.csv", "-o", "{tmp}/out.jsonl"),
        ("line 2: a cell is over 128 KiB", "JSONL"),
    ),
    CliCase(
        "batch -o with results, no --resume",
        ("batch", "{tmp}/in.jsonl", "-o", "{tmp}/done.jsonl"),
        ("already has results", "--resume", "--overwrite"),
    ),
]


def _cli_files(tmp: Path) -> Path:
    """The files the CLI cases name as {tmp}/...: a batch input, a CSV with one cell over
    the CSV reader's limit, an OUT with a line already, a secrets file with a bad line."""
    (tmp / "in.jsonl").write_text('{"task": "x"}\n')
    (tmp / "secrets.txt").write_text("a-value-without-a-key\n")
    (tmp / "big.csv").write_text(f"task\n{'x' * (129 * 1024)}\n")
    (tmp / "done.jsonl").write_text('{"line": 1}\n')
    return tmp


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda case: case.name)
def test_cli_rejects_before_sending(
    case: CliCase, recording_server: RecordingServer, tmp_path: Path
) -> None:
    args = [a.replace("{big}", _big_file(tmp_path)) if a == "{big}" else a for a in case.args]
    files = str(_cli_files(tmp_path))
    args = [a.replace("{tmp}", files) for a in args]
    result = run_cli("--base-url", recording_server.base_url, "--api-key", "bu_cli", *args)
    assert result.returncode == case.code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for fragment in case.says:
        assert fragment in result.stderr, f"{fragment!r} not in {result.stderr!r}"
    assert recording_server.seen == []


def test_cli_refuses_plain_http_to_a_remote_host() -> None:
    result = run_cli(
        "tasks",
        "list",
        env=cli_env(
            BROWSER_USE_API_KEY="bu_cli", BROWSER_USE_BASE_URL="http://api.example.com/api/v1"
        ),
    )
    assert result.returncode == 2, result.stderr
    assert "Refusing plain http://" in result.stderr
    assert "allow_insecure_http" in result.stderr
