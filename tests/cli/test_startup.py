"""`browser-use-cloud --help` loads neither httpx nor the SDK, and shell completion works.

Nothing here times anything: the start-up time is benchmark row 1 (`bench/import_time.py`).
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import click
import pytest
from cli_helpers import cli_env, run_cli

from browser_use_cloud.cli import _app

LOADED_BY_HELP = """
import json, sys
sys.argv = ["browser-use-cloud", *sys.argv[1:]]
from browser_use_cloud.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_loaded_by(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED_BY_HELP, *args],
        env=cli_env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "Usage: browser-use-cloud" in done.stdout + done.stderr
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return set(loaded)


@pytest.mark.parametrize("args", [("--help",), ("-h",), ()])
def test_help_loads_neither_httpx_nor_the_sdk_nor_any_command(args: tuple[str, ...]) -> None:
    loaded = _modules_loaded_by(*args)
    assert "click" in loaded
    heavy = {"httpx", "rich", "attrs", "browser_use_cloud_api", "anyio", "sniffio"}
    assert not heavy & loaded, heavy & loaded
    sdk = {
        m for m in loaded if m.startswith(("browser_use_cloud._async", "browser_use_cloud._sync"))
    }
    assert not sdk, sdk
    commands = {f"browser_use_cloud.cli.{c.module.lstrip('.')}" for c in _app.COMMANDS.values()}
    assert not commands & loaded, commands & loaded


@pytest.mark.parametrize(
    "command", [("tasks", "status"), ("tasks", "list"), ("profiles", "update")]
)
def test_help_with_options_from_the_operation_table_loads_neither_httpx_nor_the_sdk(
    command: tuple[str, ...],
) -> None:
    loaded = _modules_loaded_by(*command, "--help")
    assert "browser_use_cloud_api._operation_table" in loaded  # the options come from it
    heavy = {"httpx", "browser_use_cloud_api.client", "anyio", "sniffio"}
    assert not heavy & loaded, heavy & loaded
    sdk = {
        m for m in loaded if m.startswith(("browser_use_cloud._async", "browser_use_cloud._sync"))
    }
    assert not sdk, sdk


def test_a_commands_help_loads_that_command_only() -> None:
    loaded = _modules_loaded_by("config", "--help")
    assert "browser_use_cloud.cli._config" in loaded
    assert "browser_use_cloud.cli._run" not in loaded and "httpx" not in loaded


@pytest.mark.parametrize("name", sorted(_app.COMMANDS))
def test_the_command_list_shows_each_commands_own_summary(name: str) -> None:
    lazy = _app.COMMANDS[name]
    command = lazy.load()
    assert command.name == name
    first_paragraph = inspect.cleandoc(command.help or "").split("\n\n")[0]
    assert " ".join(first_paragraph.split()) == lazy.summary


def test_root_help_lists_every_command_with_its_summary() -> None:
    root = run_cli("--help").stdout
    listed = root.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    names = [line.split()[0] for line in listed.splitlines() if line.startswith("  ")]
    assert names == sorted(_app.COMMANDS)
    assert "Check the API key (exit 0 if the service accepts it, 5 if not)." in listed


def test_every_command_takes_profile() -> None:
    ctx = click.Context(_app.cli)
    missing = []
    for name in _app.cli.list_commands(ctx):
        stack = [(name, _app.cli.get_command(ctx, name))]
        while stack:
            path, command = stack.pop()
            assert command is not None
            if not any(p.name == "profile" for p in command.params):
                missing.append(path)
            if isinstance(command, click.Group):
                stack += [(f"{path} {n}", c) for n, c in command.commands.items()]
    assert missing == []


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _browser_use_cloud_completion browser-use-cloud"),
        ("zsh", "#compdef browser-use-cloud"),
        ("fish", "complete --no-files --command browser-use-cloud"),
    ],
)
def test_completion_scripts_are_produced(shell: str, marker: str) -> None:
    result = run_cli(env=cli_env(_BROWSER_USE_CLOUD_COMPLETE=f"{shell}_source"))
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("browser-use-cloud ta", "1", "plain,tasks"),
        ("browser-use-cloud tasks li", "2", "plain,list"),
        ("browser-use-cloud tasks list --wa", "3", "plain,--watch"),
        ("browser-use-cloud config s", "2", "plain,set\nplain,show"),
    ],
)
def test_bash_completion_completes_commands_and_options(
    words: str, cword: str, expected: str
) -> None:
    env = cli_env(_BROWSER_USE_CLOUD_COMPLETE="bash_complete", COMP_WORDS=words, COMP_CWORD=cword)
    result = run_cli(env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
