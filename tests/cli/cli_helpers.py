"""Helpers for the CLI tests: run `python -m browser_use_cloud.cli` as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "browser_use_cloud.cli"]
KEY = "test-key"
Cli = Callable[..., "subprocess.CompletedProcess[str]"]


def cli_env(**extra: str) -> dict[str, str]:
    """The parent's environment without BROWSER_USE_* settings, able to import the package."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROWSER_USE_")}
    paths = [str(ROOT / "wrapper"), str(ROOT / "generated")]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["BROWSER_USE_EMULATOR_STEP_INTERVAL"] = "0.02"
    env["BROWSER_USE_EMULATOR_STEPS"] = "3"
    env["PYTHONIOENCODING"] = "utf-8"
    # the user's own config file (profiles) must not change what a test sees
    env["BROWSER_USE_CONFIG"] = str(Path(tempfile.gettempdir()) / "bu-cli-tests-none.toml")
    env.pop("COLUMNS", None)
    env.update(extra)
    return env


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI to completion, capturing its output (piped, so never a terminal)."""
    return subprocess.run(
        [*CLI, *args],
        env=env or cli_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        check=False,
    )


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """Exactly one `Error:` line on stderr, no traceback, the expected exit code."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    errors = [line for line in lines(result.stderr) if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]
