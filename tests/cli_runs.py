"""Running the CLI from a test: in this process with click's runner, or as a real process.

``run_cli_here`` calls ``browser_use_cloud.cli.main`` (the entry point's own function, with
its error reporting and exit codes) under ``click.testing.CliRunner``'s isolation: stdin,
stdout and stderr are captured and the environment is the one given, for the length of the
call. It answers what a subprocess would (``returncode``, ``stdout``, ``stderr``) in a few
milliseconds instead of an interpreter start. ``run_cli_process`` starts
``python -m browser_use_cloud.cli``: for what only a process shows (the entry point, signals,
a terminal, the interpreter's exit).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

CLI = [sys.executable, "-m", "browser_use_cloud.cli"]
ROOT = Path(__file__).resolve().parents[1]


def cli_env(**extra: str) -> dict[str, str]:
    """The parent's environment for a CLI run: no BROWSER_USE_* settings and no user config
    file (profiles), the package importable from this checkout, UTF-8 output; then `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROWSER_USE_")}
    paths = [str(ROOT / "wrapper"), str(ROOT / "generated")]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["PYTHONIOENCODING"] = "utf-8"
    env["BROWSER_USE_CONFIG"] = str(Path(tempfile.gettempdir()) / "bu-cli-tests-none.toml")
    env.pop("COLUMNS", None)
    env.update(extra)
    return env


def run_cli_process(
    *args: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a process to completion, capturing its output (piped, never a tty)."""
    return subprocess.run(
        [*CLI, *args],
        env=dict(env) if env is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        check=False,
    )


def run_cli_here(
    *args: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the CLI in this process with `env` as its whole environment (see the module)."""
    from click.testing import CliRunner

    from browser_use_cloud.cli import main

    del timeout  # a process' limit: a call here that hangs is stopped by the test's own limit
    overrides: dict[str, str | None] = {}
    if env is not None:
        overrides = {name: None for name in os.environ if name not in env}
        overrides.update(env)
    runner = CliRunner()
    code = 0
    with runner.isolation(input=stdin, env=overrides) as (out, err, _):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if isinstance(exc.code, str):
                sys.stderr.write(exc.code + "\n")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout = out.getvalue().decode(runner.charset, "replace")
        stderr = err.getvalue().decode(runner.charset, "replace")
    return subprocess.CompletedProcess([*CLI, *args], code, stdout, stderr)
