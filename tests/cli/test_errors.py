"""Each failure is one `Error:` line on stderr with the fix, a distinct exit code, no traceback."""

from __future__ import annotations

import socket

from cli_helpers import Cli, assert_clean_error, cli_env, run_cli

from browser_use_cloud.emulator import Emulator, EmulatorConfig


def test_missing_key_says_how_to_set_one() -> None:
    line = assert_clean_error(run_cli("tasks", "list"), 2)
    assert "no API key" in line
    assert "export BROWSER_USE_API_KEY=" in line and "--api-key" in line
    assert "browser-use-cloud emulator" in line


def test_missing_key_for_run_with_a_base_url_mentions_local() -> None:
    result = run_cli("--base-url", "http://127.0.0.1:9/api/v1", "run", "anything")
    line = assert_clean_error(result, 2)
    assert "BROWSER_USE_API_KEY" in line and "--local" in line


def test_a_rejected_key_is_a_401_and_the_key_is_never_printed() -> None:
    with Emulator(EmulatorConfig(api_key="right", step_interval=0.02)) as emulator:
        wrong = "wrong-key-0123456789"
        result = run_cli("--base-url", emulator.base_url, "--api-key", wrong, "tasks", "list")
        with_debug = run_cli(
            "--debug", "--base-url", emulator.base_url, "--api-key", wrong, "balance"
        )
    line = assert_clean_error(result, 5)
    assert "API key was rejected (401)" in line and "BROWSER_USE_API_KEY" in line
    assert "Traceback" in with_debug.stderr  # --debug shows where it failed
    assert with_debug.returncode == 5
    for output in (result.stdout, result.stderr, with_debug.stdout, with_debug.stderr):
        assert wrong not in output


def test_key_from_the_environment_is_used_and_not_printed(emulator: Emulator) -> None:
    env = cli_env(BROWSER_USE_API_KEY="env-key-abc", BROWSER_USE_BASE_URL=emulator.base_url)
    result = run_cli("tasks", "list", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert "env-key-abc" not in result.stdout + result.stderr


def test_422_names_the_field_and_its_option(cli: Cli) -> None:
    result = cli("run", "Use a model that does not exist", "--model", "gpt-0")
    line = assert_clean_error(result, 5)
    assert "(422)" in line and "llm_model (--model)" in line


def test_connection_refused_names_the_url_tried() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before the CLI runs
    base = f"http://127.0.0.1:{port}/api/v1"
    result = run_cli("--base-url", base, "--api-key", "k", "tasks", "status", "abc")
    line = assert_clean_error(result, 5)
    assert f"could not connect to {base}/task/abc/status" in line
    assert "connection refused" in line and "--base-url" in line


def test_404_names_the_id(cli: Cli) -> None:
    line = assert_clean_error(cli("profiles", "get", "nope-123"), 5)
    assert "browser profile 'nope-123' was not found (404)" in line


def test_bad_usage_exits_2_with_the_librarys_message(cli: Cli) -> None:
    result = cli("tasks", "list", "--limit", "0")
    assert result.returncode == 2
    assert "limit must be between 1 and 100, got 0" in assert_clean_error(result, 2)
    not_a_number = cli("tasks", "list", "--limit", "ten")
    assert not_a_number.returncode == 2 and "Invalid value for '--limit'" in not_a_number.stderr
    both = cli("run", "x", "--schema-json", "{}", "--schema", __file__)
    assert "not both" in assert_clean_error(both, 2)
    bad_json = cli("run", "x", "--schema-json", "{not json")
    assert "--schema-json is not valid JSON" in assert_clean_error(bad_json, 2)


def test_a_host_that_does_not_resolve_says_so() -> None:
    base = "https://no-such-host.invalid/api/v1"
    result = run_cli("--base-url", base, "--api-key", "k", "balance")
    line = assert_clean_error(result, 5)
    assert "no-such-host.invalid" in line and "does not resolve" in line
    assert "Is the service running?" not in line


def test_a_wait_timeout_on_a_paused_task_says_it_is_paused() -> None:
    from browser_use_cloud import WaitTimeoutError
    from browser_use_cloud.cli._errors import Subject, describe

    exc = WaitTimeoutError("late", task_id="t-1", last_status="paused", stopped=False)
    message, code = describe(exc, Subject())
    assert code == 4 and "paused" in message and "still running" not in message
