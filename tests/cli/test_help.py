"""`--help` on every command reads well: a summary, and examples in the epilog."""

from __future__ import annotations

import subprocess
import sys

from cli_helpers import cli_env, run_cli

GROUPS = [("tasks",), ("files",), ("schedules",), ("profiles",), ("webhooks",)]
COMMANDS = [
    (),
    ("run",),
    *[("tasks", verb) for verb in ("list", "get", "status", "steps", "pause", "resume", "stop")],
    *[("tasks", verb) for verb in ("media", "screenshots", "gif", "download")],
    ("files", "upload"),
    *[("schedules", verb) for verb in ("create", "list", "get", "update", "delete")],
    *[("profiles", verb) for verb in ("list", "create", "get", "update", "delete")],
    ("balance",),
    ("me",),
    ("ping",),
    ("emulator",),
    ("webhooks", "listen"),
    ("webhooks", "verify"),
    ("demo",),
]
# Renders many help pages in one process (one process per page would be slow).
DRIVER = """
import sys
from click.testing import CliRunner
from browser_use_cloud.cli._app import cli
for line in sys.stdin:
    args = line.split()
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="browser-use-cloud")
    print("=====", " ".join(args), result.exit_code)
    print(result.output)
"""


def _help_pages(commands: list[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER],
        input="".join(" ".join(c) + "\n" for c in commands),
        env=cli_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    pages = {}
    for page in result.stdout.split("===== ")[1:]:
        header, _, text = page.partition("\n")
        *words, code = header.split(" ")
        assert code == "0", page
        pages[tuple(w for w in words if w)] = text
    return pages


def test_every_command_has_help_with_an_example() -> None:
    pages = _help_pages([*COMMANDS, *GROUPS])
    assert set(pages) == {*COMMANDS, *GROUPS}
    for command in COMMANDS:
        assert "Usage: browser-use-cloud" in pages[command], command
        assert "Example" in pages[command], command
    for group in GROUPS:
        assert "Commands:" in pages[group], group


def test_root_help_documents_exit_codes_and_version() -> None:
    root = run_cli("--help").stdout
    assert "Exit codes:" in root
    for code in ("0", "1", "2", "3", "4", "5", "6", "70", "130"):
        assert any(line.strip().startswith(code + " ") for line in root.splitlines()), code
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("browser-use-cloud, version ")
