"""Parity between openapi.json and the CLI: what needs a person's decision fails here.

Derived, so not checked here: enum choices, list filters and the optional inputs of
create/update commands (tests/cli/test_derived_options.py). Not derived: a command for a new
operation, a hand-written option for a new required input, and a hand-written option whose
input the spec dropped. Each failure names the place and the decision to make.
"""

from __future__ import annotations

from typing import Any

import click
import pytest
from parity_report import require_none

from browser_use_cloud.cli._app import cli
from browser_use_cloud.cli._derived import DerivedCommand
from browser_use_cloud.cli._operation_commands import CLI_COMMANDS, NO_CLI_COMMAND
from tests.conftest import operations_of

pytestmark = pytest.mark.spec_parity  # the regen workflow's pull request lists what fails

MAP = "wrapper/browser_use_cloud/cli/_operation_commands.py"


def command(words: str) -> click.Command | None:
    found: click.Command | None = cli
    ctx = click.Context(cli)
    for word in words.split():
        if not isinstance(found, click.Group):
            return None
        found = found.get_command(ctx, word)
    return found


def derived_commands() -> list[tuple[str, DerivedCommand]]:
    return [
        (words, found)
        for words in CLI_COMMANDS.values()
        if isinstance(found := command(words), DerivedCommand)
    ]


def test_every_operation_has_a_cli_command(spec: dict[str, Any]) -> None:
    operations = operations_of(spec)
    missing = [
        f"operation {op.method} {op.path} ({name}) has no CLI command: write one under "
        f"wrapper/browser_use_cloud/cli/ (a DerivedCommand derives its options) and add it to "
        f"CLI_COMMANDS in {MAP}, or say why not in NO_CLI_COMMAND; until then: "
        "browser-use-cloud mcp offers it as a tool"
        for name, op in operations.items()
        if name not in CLI_COMMANDS and name not in NO_CLI_COMMAND
    ]
    require_none(missing)


def test_no_cli_command_sends_an_operation_the_spec_dropped(spec: dict[str, Any]) -> None:
    operations = operations_of(spec)
    gone = [
        f"operation {name} is gone from the spec but `browser-use-cloud {words}` sends it: a "
        f"breaking change; decide (keep, deprecate or remove the command) and update {MAP}"
        for name, words in CLI_COMMANDS.items()
        if name not in operations
    ]
    require_none(gone)


def test_every_mapped_command_exists() -> None:
    assert [words for words in CLI_COMMANDS.values() if command(words) is None] == []
    for words, found in derived_commands():
        assert CLI_COMMANDS[found.operation] == words, (words, found.operation)


def test_required_inputs_have_a_hand_written_option(spec: dict[str, Any]) -> None:
    """A derived command offers optional inputs only; a required one needs a person (an
    argument or a required option, then its name in the command's `covered`)."""
    operations = operations_of(spec)
    problems = []
    for words, found in derived_commands():
        op = operations.get(found.operation)
        if op is None:
            continue  # reported by test_no_cli_command_sends_an_operation_the_spec_dropped
        problems += [
            f"{arg.location} input {arg.name!r} of {op.name} is required now but "
            f"`browser-use-cloud {words}` has no option for it: add one and list it in the "
            "command's `covered`"
            for arg in op.arguments
            if arg.location == found.location and arg.required and arg.name not in found.covered
        ]
        known = {arg.name for arg in op.arguments}
        problems += [
            f"`browser-use-cloud {words}` has a hand-written option for {name!r}, which "
            f"{op.name} no longer takes: a breaking change; decide (drop or deprecate it)"
            for name in sorted(found.covered - known)
        ]
    require_none(problems)


def test_a_new_operation_and_a_new_required_input_are_named(spec: dict[str, Any]) -> None:
    """What the checks above report after such a release (they run on this copy)."""
    changed = {**spec, "paths": dict(spec["paths"])}
    changed["paths"]["/api/v1/task/{task_id}/logs"] = {
        "get": {
            "operationId": "get_task_logs_api_v1_task__task_id__logs_get",
            "tags": ["tasks"],
            "parameters": [
                {"name": "task_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "ok"}},
        }
    }
    listing = dict(changed["paths"]["/api/v1/tasks"])
    listing["get"] = {
        **listing["get"],
        "parameters": [
            *listing["get"]["parameters"],
            {"name": "team", "in": "query", "required": True, "schema": {"type": "string"}},
        ],
    }
    changed["paths"]["/api/v1/tasks"] = listing
    with pytest.raises(
        AssertionError,
        match=r"GET /api/v1/task/\{task_id\}/logs \(get_task_logs\) has no CLI command",
    ):
        test_every_operation_has_a_cli_command(changed)
    with pytest.raises(
        AssertionError,
        match="'team' of list_tasks is required now but `browser-use-cloud tasks list`",
    ):
        test_required_inputs_have_a_hand_written_option(changed)
