"""`run` takes task secrets from the environment, a file or stdin, so a value never has to be
on the command line (readable by every local user in /proc/PID/cmdline)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import KEY, assert_clean_error, cli_env, run_cli

from browser_use_cloud.emulator import Emulator

PASSWORD = "hunter2-correct-horse"


def run_task(emulator: Emulator, *args: str, stdin: str | None = None, **env: str) -> str:
    """Run a task with `args`; return the id of the task it created."""
    result = run_cli(
        "--base-url",
        emulator.base_url,
        "--api-key",
        KEY,
        "run",
        "Log in",
        "--json",
        *args,
        env=cli_env(**env),
        stdin=stdin,
    )
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    task_id: str = json.loads(result.stdout)["id"]
    return task_id


def sent_secrets(emulator: Emulator, task_id: str) -> object:
    return emulator.state.tasks[task_id].request["secrets"]


def test_secret_from_an_environment_variable(emulator: Emulator) -> None:
    task_id = run_task(emulator, "--secret-env", "password=MAIL_PW", MAIL_PW=PASSWORD)
    assert sent_secrets(emulator, task_id) == {"password": PASSWORD}


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"password": PASSWORD, "user": "ann"}),
        f"# mail login\npassword={PASSWORD}\n\nuser=ann\n",
    ],
    ids=["json", "key-value-lines"],
)
def test_secrets_from_a_file_and_from_stdin(emulator: Emulator, tmp_path: Path, text: str) -> None:
    secrets = tmp_path / "secrets"
    secrets.write_text(text)
    from_file = run_task(emulator, "--secrets-file", str(secrets))
    from_stdin = run_task(emulator, "--secrets-stdin", stdin=text)
    for task_id in (from_file, from_stdin):
        assert sent_secrets(emulator, task_id) == {"password": PASSWORD, "user": "ann"}


def test_every_source_together(emulator: Emulator, tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.json"
    secrets.write_text(json.dumps({"password": PASSWORD}))
    task_id = run_task(
        emulator,
        "--secrets-file",
        str(secrets),
        "--secrets-stdin",
        "--secret-env",
        "pin=PIN",
        "--secret",
        "user=ann",
        stdin="otp=123456\n",
        PIN="0000",
    )
    assert sent_secrets(emulator, task_id) == {
        "password": PASSWORD,
        "otp": "123456",
        "pin": "0000",
        "user": "ann",
    }


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (["--secret-env", "password=NOT_SET_ANYWHERE"], None, "$NOT_SET_ANYWHERE is not set"),
        (["--secret-env", "password"], None, "use KEY=ENV_VAR"),
        (["--secrets-stdin"], f"user=ann\n{PASSWORD}\n", "--secrets-stdin, line 2: use KEY=VALUE"),
        (["--secrets-stdin"], '{"password": ' + PASSWORD, "--secrets-stdin is not valid JSON"),
        (["--secrets-stdin"], '{"pin": 1234}', "the value of 'pin' must be a string"),
        (["--secrets-stdin"], '["a"]', "--secrets-stdin must hold a JSON object"),
        (
            ["--secrets-stdin", "--secret", f"password={PASSWORD}"],
            f"password={PASSWORD}\n",
            "the secret 'password' is given twice (--secrets-stdin and --secret)",
        ),
    ],
)
def test_bad_secrets_are_refused_before_anything_is_sent_and_never_echoed(
    emulator: Emulator, args: list[str], stdin: str | None, expected: str
) -> None:
    base = ("--base-url", emulator.base_url, "--api-key", KEY)
    result = run_cli(*base, "run", "Log in", *args, stdin=stdin)
    line = assert_clean_error(result, 2)
    assert expected in line
    assert PASSWORD not in result.stdout + result.stderr.replace(f"password={PASSWORD}", "")
    assert emulator.stats["requests"] == 0
