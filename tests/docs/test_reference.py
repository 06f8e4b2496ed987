"""The site documents every public name, every CLI command and every CLI exit code."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import click

from browser_use_cloud.cli import _errors
from browser_use_cloud.cli._app import cli
from tests.markdown_snippets import ROOT, blocks

sys.path.insert(0, str(ROOT / "scripts"))
import public_api

DOCS = ROOT / "docs"
CLI_GUIDE = DOCS / "guides" / "cli.md"


def test_every_public_name_has_a_reference_entry_and_a_docstring() -> None:
    assert public_api.check_reference(public_api.load(ROOT), DOCS) == []


def test_a_public_name_without_an_entry_is_named(tmp_path: Path) -> None:
    shutil.copytree(DOCS / "reference", tmp_path / "reference")
    page = tmp_path / "reference" / "errors.md"
    page.write_text(page.read_text().replace("::: browser_use_cloud.NotFoundError\n", ""))
    (tmp_path / "reference" / "extra.md").write_text(
        "::: browser_use_cloud._policies.retry.RetryPolicy\n"
    )
    problems = public_api.check_reference(public_api.load(ROOT), tmp_path)
    assert problems == [
        "public name browser_use_cloud.NotFoundError has no "
        "`::: browser_use_cloud.NotFoundError` entry in docs/reference/",
        "reference/extra.md documents browser_use_cloud._policies.retry.RetryPolicy, "
        "which is not public "
        "(not in __all__ nor reached from it)",
    ]


def test_the_clients_resources_are_public() -> None:
    reached = public_api.reachable_classes(public_api.load(ROOT))
    ways_in = {name for _, names in reached.values() for name in names}
    assert {"tasks", "scheduled_tasks", "files", "browser_profiles", "search"} <= ways_in


def _commands(group: click.Group, prefix: str) -> list[str]:
    found = []
    context = click.Context(group)  # list_commands/get_command: the root loads lazily
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, name
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            found += _commands(command, path)
        else:
            found.append(path)
    return found


def test_the_cli_guide_shows_every_command() -> None:
    shown = "\n".join(block.code for block in blocks(CLI_GUIDE, languages=("console",)))
    commands = _commands(cli, "browser-use-cloud")
    assert len(commands) > 10
    missing = [c for c in commands if not re.search(re.escape(c) + r"(\s|$)", shown)]
    assert missing == [], f"commands without an example in {CLI_GUIDE.name}: {missing}"


def test_the_cli_guide_lists_the_cli_exit_codes() -> None:
    table = {int(code) for code in re.findall(r"^\| (\d+) \|", CLI_GUIDE.read_text(), re.M)}
    codes = {value for name, value in vars(_errors).items() if name.startswith("EXIT_")}
    codes.discard(_errors.EXIT_CODES_HELP)
    assert table == codes


def test_a_public_method_without_a_docstring_is_named() -> None:
    package = public_api.load(ROOT)
    handle = package["TaskHandle"].final_target
    method = next(
        name
        for name, member in handle.members.items()
        if member.is_function and not name.startswith("_")
    )
    handle.members[method].docstring = None
    problems = public_api.check_reference(package, DOCS)
    assert problems == [
        f"public member browser_use_cloud.TaskHandle.{method} has no docstring "
        "(help() and the reference show nothing)"
    ]
