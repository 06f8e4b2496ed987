"""Helpers for the CLI tests: run the CLI in this process (click's runner) or as a process."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.cli_runs import CLI as CLI  # the command line, for tests that start it themselves
from tests.cli_runs import cli_env as base_cli_env
from tests.cli_runs import run_cli_here, run_cli_process

ROOT = Path(__file__).resolve().parents[2]
KEY = "test-key"
Cli = Callable[..., "subprocess.CompletedProcess[str]"]


def cli_env(**extra: str) -> dict[str, str]:
    """The CLI's test environment (tests.cli_runs.cli_env) with a fast emulator: 3 steps."""
    return base_cli_env(
        BROWSER_USE_EMULATOR_STEP_INTERVAL="0.02", BROWSER_USE_EMULATOR_STEPS="3", **extra
    )


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI to completion in this process (click's runner), capturing its output."""
    return run_cli_here(*args, env=env or cli_env(), timeout=timeout, stdin=stdin)


def run_cli_in_a_process(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m browser_use_cloud.cli` to completion (piped, so never a terminal)."""
    return run_cli_process(*args, env=env or cli_env(), timeout=timeout, stdin=stdin)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """Exactly one `Error:` line on stderr, no traceback, the expected exit code."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    errors = [line for line in lines(result.stderr) if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]
