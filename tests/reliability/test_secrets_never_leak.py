"""The API key, a webhook secret and a task's `secrets` never show up in logs (at DEBUG),
reprs, exception text or CLI output, including under faults and error responses."""

from __future__ import annotations

import json
import logging
import subprocess
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_use_cloud import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    BrowserUse,
    BrowserUseError,
    TaskCreationUnconfirmedError,
    UnprocessableEntityError,
    WebhookVerificationError,
    sign_webhook,
    verify_webhook,
)
from browser_use_cloud._policies.polling import PollPolicy
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.reliability.reliability_helpers import RecordingServer, Seen, cli_env, run_cli

API_KEY = "bu_live_K3Y_0f_7he_5oak"
SECRET_VALUE = "hunter2-S3CR3T-pa55"
WEBHOOK_SECRET = "whsec_w3bh00k_5ecret"
FAST = PollPolicy(initial=0.01, factor=1.5, max_interval=0.05)
SENSITIVE = (API_KEY, SECRET_VALUE, WEBHOOK_SECRET)


def assert_clean(text: str, where: str) -> None:
    for secret in SENSITIVE:
        assert secret not in text, f"{where} contains a secret: {text[:2000]!r}"


def exception_text(exc: BaseException) -> str:
    """Everything a caller could print: str, repr, attributes and the formatted chain."""
    parts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    parts += [repr(value) for value in vars(exc).values()]
    return "\n".join(parts)


@pytest.fixture
def debug_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> Iterator[pytest.LogCaptureFixture]:
    monkeypatch.setenv("BROWSER_USE_LOG", "debug")
    caplog.set_level(logging.DEBUG)  # every logger, raw records (before any redacting filter)
    yield caplog


def all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)


def test_faulty_session_leaks_nothing_to_logs_reprs_or_errors(
    debug_logs: pytest.LogCaptureFixture,
) -> None:
    config = EmulatorConfig(
        api_key=API_KEY,
        step_interval=0.01,
        steps_per_task=2,
        seed=3,
        faults="500=0.2,drop=0.1,lost=0.1,429=0.1,retry_after=0",
    )
    errors: list[BaseException] = []
    reprs: list[str] = []
    with Emulator(config) as emu, BrowserUse(api_key=API_KEY, base_url=emu.base_url) as client:
        client._http.policy = RetryPolicy(max_retries=4, base_delay=0.001, max_delay=0.005)
        client.tasks.wait_policy = client.tasks.stream_policy = FAST
        reprs += [repr(client), repr(client._http), repr(client.tasks), repr(emu)]
        for n in range(6):
            try:
                handle = client.tasks.create(f"log in {n}", secrets={"password": SECRET_VALUE})
                reprs.append(repr(handle))
                result = handle.wait(wait_timeout=30)
                reprs += [repr(result), repr(result.raw)]
            except BrowserUseError as exc:
                errors.append(exc)
        try:
            BrowserUse(api_key="bu_wrong_key", base_url=emu.base_url).tasks.list()
        except AuthenticationError as exc:
            errors.append(exc)
        for _ in range(5):  # unknown model on purpose: the server answers 422
            try:
                client.tasks.create(
                    "x", llm_model="no-such-model", allow_unknown=True, secrets={"pw": SECRET_VALUE}
                )
            except UnprocessableEntityError as exc:
                errors.append(exc)
                break
            except TaskCreationUnconfirmedError as exc:  # a dropped POST: not re-sent
                errors.append(exc)
    assert any(isinstance(e, AuthenticationError) for e in errors)
    assert any(isinstance(e, UnprocessableEntityError) for e in errors)
    for exc in errors:
        assert_clean(exception_text(exc), f"{type(exc).__name__}")
    for text in reprs:
        assert_clean(text, "a repr")
    assert any("retrying" in r.getMessage() for r in debug_logs.records)  # logging was on
    assert_clean(all_log_text(debug_logs), "the DEBUG log")


def _echoing_server(seen: Seen) -> tuple[int, dict[str, str], bytes]:
    """A careless server: its error bodies echo the request's headers and body back."""
    echoed = {"authorization": seen.headers.get("Authorization"), "body": seen.body.decode()}
    if seen.path.endswith("/run-task"):
        detail = [
            {"type": "missing", "loc": ["body"], "msg": "bad", "input": json.loads(seen.body)}
        ]
        return 422, {"Content-Type": "application/json"}, json.dumps({"detail": detail}).encode()
    if seen.path.endswith("/tasks"):
        text = f"upstream failed for {echoed['authorization']}"
        return 500, {"Content-Type": "application/json"}, json.dumps({"detail": text}).encode()
    html = f"<html><body>Bad gateway {echoed}</body></html>".encode()
    return 502, {"Content-Type": "text/html"}, html


def test_error_bodies_that_echo_the_request_do_not_leak(
    recording_server: RecordingServer, debug_logs: pytest.LogCaptureFixture
) -> None:
    recording_server.respond = _echoing_server
    client = BrowserUse(api_key=API_KEY, base_url=recording_server.base_url, max_retries=0)
    raised: list[APIStatusError] = []
    calls = [
        lambda: client.tasks.create("x", secrets={"password": SECRET_VALUE}, request_id=False),
        lambda: client.tasks.list(),
        lambda: client.tasks.get("t-1"),
    ]
    for call in calls:
        with pytest.raises(APIStatusError) as caught:
            call()
        raised.append(caught.value)
    assert [e.status_code for e in raised] == [422, 500, 502]
    leaking = [e.status_code for e in raised if API_KEY in exception_text(e)]
    leaking += [e.status_code for e in raised if SECRET_VALUE in exception_text(e)]
    assert leaking == [], f"errors for these statuses contain the key or a secret: {leaking}"
    assert_clean(all_log_text(debug_logs), "the DEBUG log")


def test_connection_errors_do_not_leak(debug_logs: pytest.LogCaptureFixture) -> None:
    client = BrowserUse(api_key=API_KEY, base_url="http://127.0.0.1:9/api/v1", max_retries=1)
    client._http.policy = RetryPolicy(max_retries=1, base_delay=0.001, max_delay=0.001)
    with pytest.raises(APIConnectionError) as caught:
        client.tasks.create("x", secrets={"password": SECRET_VALUE})
    assert_clean(exception_text(caught.value), "a connection error")
    assert_clean(all_log_text(debug_logs), "the DEBUG log")


def test_webhook_verification_errors_do_not_leak() -> None:
    body, headers = sign_webhook({"type": "test", "timestamp": "t", "payload": {}}, WEBHOOK_SECRET)
    tampered = [
        (body + b" ", {**headers, "X-Browser-Use-Signature": "ab" * 32}),
        (body, {**headers, "X-Browser-Use-Timestamp": "1"}),
        (b"{", headers),
        (body, {}),
    ]
    for raw, hdrs in tampered:
        with pytest.raises(WebhookVerificationError) as caught:
            verify_webhook(raw, hdrs, secret=WEBHOOK_SECRET)
        assert_clean(exception_text(caught.value), "a webhook error")


def _cli_output(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + "\n" + result.stderr


def test_cli_output_never_contains_the_key_or_secrets(tmp_path: Path) -> None:
    """`run` with a secret, in --debug, with logging on: success, 401, 422, refused, timeout."""
    env = cli_env(BROWSER_USE_LOG="debug", BROWSER_USE_API_KEY=API_KEY)
    config = EmulatorConfig(  # seeded: the faults fall the same way on every run
        api_key=API_KEY,
        step_interval=0.01,
        steps_per_task=2,
        faults="500=0.3,retry_after=0",
        seed=7,
    )
    outputs: list[subprocess.CompletedProcess[str]] = []
    with Emulator(config) as emu:
        common = ["--debug", "--base-url", emu.base_url]
        secret = ["--secret", f"password={SECRET_VALUE}"]
        outputs.append(run_cli(*common, "run", "log in", *secret, "--json", env=env))
        outputs.append(run_cli(*common, "--api-key", "bu_other", "run", "x", *secret, env=env))
        outputs.append(run_cli(*common, "run", "x", *secret, "--model", "no-such-model", env=env))
        outputs.append(run_cli(*common, "tasks", "get", "no-such-task", env=env))
    refused = ["--debug", "--base-url", "http://127.0.0.1:9/api/v1"]
    outputs.append(run_cli(*refused, "run", "x", *secret, env=env))
    body = tmp_path / "body.json"
    body.write_bytes(b'{"type":"test","timestamp":"t","payload":{}}')
    outputs.append(
        run_cli(
            "--debug",
            "webhooks",
            "verify",
            "--body",
            str(body),
            "--timestamp",
            "1",
            "--signature",
            "00" * 32,
            "--secret",
            WEBHOOK_SECRET,
            env=env,
        )
    )
    codes = [r.returncode for r in outputs]
    assert codes[0] == 0 and all(code != 0 for code in codes[1:]), [
        (r.returncode, r.stderr[-500:]) for r in outputs
    ]
    assert "Traceback" in outputs[1].stderr  # --debug really printed tracebacks
    for result in outputs:
        assert_clean(_cli_output(result), f"CLI output (exit {result.returncode})")
