"""The whole loop, offline: an upstream release goes through `nox -s regen` on a copy of the tree.

One regen of the synthetic release (new operation, new optional request and response fields,
new enum value) serves every assertion: the spec and the generated client carry the change,
the change report calls it non-breaking, `check_generated` passes on the result, the wrapper,
CLI and emulator follow with no hand edit (the copy's own `nox -s typecheck` sees the new
option), and the parity test names the new operation.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import derive_surface
import pytest
import spec_diff
import synthetic_change
from synthetic_change import (
    NEW_ENUM_VALUE,
    NEW_FUNCTION,
    NEW_OPERATION,
    NEW_PATH,
    NEW_REQUEST_FIELD,
    NEW_RESPONSE_FIELD,
    NEW_SCHEMA,
)
from tree_copies import copy_tree, git_status, read_spec, run_nox, tree_env, write_spec

PACKAGE = "generated/browser_use_cloud_api"

pytestmark = [pytest.mark.pipeline, pytest.mark.regen_loop]  # nox sessions on tree copies


@dataclass(frozen=True)
class Regenerated:
    before: dict[str, object]  # openapi.json before the regen
    tree: Path
    output: str  # what the session printed
    report: str  # the Markdown report it wrote


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory, nox_envdir: Path) -> Regenerated:
    work = tmp_path_factory.mktemp("loop")
    tree = copy_tree(work / "tree")
    before = read_spec(tree)
    published = write_spec(work / "published.json", synthetic_change.apply(before))
    report = work / "report.md"
    result = run_nox(tree, nox_envdir, "regen", "--path", str(published), "--report", str(report))
    assert result.returncode == 0, result.stdout
    return Regenerated(before, tree, result.stdout, report.read_text(encoding="utf-8"))


def test_regen_replaces_spec_and_client(regenerated: Regenerated) -> None:
    assert f"regen: done: replaced openapi.json, {PACKAGE}" in regenerated.output
    changed = {line[3:] for line in git_status(regenerated.tree).splitlines()}
    assert "openapi.json" in changed
    assert f"{PACKAGE}/api/tasks/{NEW_FUNCTION}.py" in changed
    assert not (regenerated.tree / ".regen").exists()


def test_openapi_json_has_the_change_in_our_words(regenerated: Regenerated) -> None:
    spec = read_spec(regenerated.tree)
    schemas = spec["components"]["schemas"]
    operation = spec["paths"][NEW_PATH]["get"]
    assert operation["tags"] == ["tasks"]
    assert NEW_SCHEMA in schemas
    assert NEW_REQUEST_FIELD[1] in schemas[NEW_REQUEST_FIELD[0]]["properties"]
    assert NEW_RESPONSE_FIELD[1] in schemas[NEW_RESPONSE_FIELD[0]]["properties"]
    assert NEW_ENUM_VALUE[1] in schemas[NEW_ENUM_VALUE[0]]["enum"]

    assert synthetic_change.UPSTREAM_PROSE not in json.dumps(spec)
    assert all(response["description"] for response in operation["responses"].values())
    for place in (
        f"{NEW_OPERATION} (summary)",
        f"{NEW_OPERATION} response 200 (description",
        f"schema {NEW_SCHEMA} (description)",
        f"schema {'.'.join(NEW_REQUEST_FIELD)} (description)",
        f"schema {'.'.join(NEW_RESPONSE_FIELD)} (description)",
    ):
        assert f"- {place}" in regenerated.report, place


def test_change_report_lists_it_as_non_breaking(regenerated: Regenerated) -> None:
    report = regenerated.report
    assert "0 breaking, 5 non-breaking" in report
    assert f"    {NEW_OPERATION}: operationId" in report
    assert f"    {NEW_SCHEMA}: " in report
    assert f"    {'.'.join(NEW_REQUEST_FIELD)} [request]: optional field added" in report
    assert f"    {'.'.join(NEW_RESPONSE_FIELD)} [response]: optional field added" in report
    assert (
        f'    {NEW_ENUM_VALUE[0]} [request+response]: value "{NEW_ENUM_VALUE[1]}" added' in report
    )
    after = read_spec(regenerated.tree)
    found = spec_diff.diff_specs(regenerated.before, after)
    assert found.breaking == [] and len(found.non_breaking) == 5


GENERATED_CLIENT_PROBE = """
import json, sys
import attrs
import browser_use_cloud_api
from browser_use_cloud_api.api.tasks import {function}
from browser_use_cloud_api.models import {request}, {response}, {enum}
print(json.dumps({{
    "package": browser_use_cloud_api.__file__,
    "url": {function}.request_kwargs("t1")["url"],
    "sent": {request}(task="x", {request_field}=True).to_dict().get("{request_field}"),
    "response_fields": sorted(attrs.fields_dict({response})),
    "enum": [member.value for member in {enum}],
}}))
"""


def _class_of(schema: str) -> str:
    """The generated class of `schema`: its public name when the generator config gives one."""
    public = {schema: name for name, schema in derive_surface.public_names().items()}
    return public.get(schema, schema)


def test_generated_client_carries_the_change(regenerated: Regenerated) -> None:
    probe = GENERATED_CLIENT_PROBE.format(
        function=NEW_FUNCTION,
        request=NEW_REQUEST_FIELD[0],
        request_field=NEW_REQUEST_FIELD[1],
        response=_class_of(NEW_RESPONSE_FIELD[0]),
        enum=NEW_ENUM_VALUE[0],
    )
    env = {**os.environ, "PYTHONPATH": str(regenerated.tree / "generated")}
    finished = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert finished.returncode == 0, finished.stderr
    seen = json.loads(finished.stdout)
    assert Path(seen["package"]).is_relative_to(regenerated.tree)
    assert seen["url"] == NEW_PATH.replace("{task_id}", "t1")
    assert seen["sent"] is True
    assert NEW_RESPONSE_FIELD[1] in seen["response_fields"]
    assert NEW_ENUM_VALUE[1] in seen["enum"]


def test_check_generated_passes_on_the_result(regenerated: Regenerated, nox_envdir: Path) -> None:
    result = run_nox(regenerated.tree, nox_envdir, "check_generated")
    assert result.returncode == 0, result.stdout


WRAPPER_PROBE = """
import json
from click.testing import CliRunner
import browser_use_cloud
from browser_use_cloud import BrowserUse, LLMModel
from browser_use_cloud.cli._app import cli
from browser_use_cloud.emulator import Emulator, EmulatorConfig

with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=2)) as emulator:
    with BrowserUse(api_key="k", base_url=emulator.base_url) as client:
        handle = client.tasks.create(
            "probe [[emulator:instant]]", {request_field}=True, llm_model="{enum_value}"
        )
        sent = emulator.state.tasks[handle.id].request
        task = client.tasks.get(handle.id)
print(json.dumps({{
    "package": browser_use_cloud.__file__,
    "sent": sent.get("{request_field}"),
    "model": sent.get("llm_model"),
    "attribute": getattr(task, "{response_field}", "missing"),
    "answered": "{response_field}" in task.raw,
    "enum": [member.value for member in LLMModel],
    "cli_help": CliRunner().invoke(cli, ["run", "--help"], terminal_width=200).output,
}}))
"""


def test_wrapper_and_emulator_follow_with_no_hand_edit(regenerated: Regenerated) -> None:
    probe = WRAPPER_PROBE.format(
        request_field=NEW_REQUEST_FIELD[1],
        response_field=NEW_RESPONSE_FIELD[1],
        enum_value=NEW_ENUM_VALUE[1],
    )
    finished = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=tree_env(regenerated.tree),
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    seen = json.loads(finished.stdout)
    assert Path(seen["package"]).is_relative_to(regenerated.tree)
    assert seen["sent"] is True and seen["model"] == NEW_ENUM_VALUE[1]  # create() sends them
    assert isinstance(seen["attribute"], float) and seen["answered"]  # task.cost, answered
    assert NEW_ENUM_VALUE[1] in seen["enum"]
    assert NEW_ENUM_VALUE[1] in seen["cli_help"]


def test_parity_names_the_new_operation(regenerated: Regenerated) -> None:
    finished = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "tests/surface", "-m", "spec_parity"),
            *("-q", "-p", "no:cacheprovider"),
        ],
        cwd=regenerated.tree,
        capture_output=True,
        text=True,
        env=tree_env(regenerated.tree),
        timeout=300,
        check=False,
    )
    expected = (
        f"operation {NEW_OPERATION} has no wrapper method; "
        f'reach it with client.call("{NEW_FUNCTION}", ...)',
        f"operation {NEW_OPERATION} ({NEW_FUNCTION}) has no CLI command",
    )
    assert finished.returncode == 1, finished.stdout + finished.stderr
    assert all(item in finished.stdout for item in expected), finished.stdout
    assert re.search(r"^2 failed, \d+ passed", finished.stdout, re.M)  # nothing else does


TYPED_USE = """from browser_use_cloud import BrowserUse


def sends(client: BrowserUse) -> None:
    client.tasks.create("x", {field}=True)


def refused(client: BrowserUse) -> None:
    client.tasks.create("x", {field}="yes")
"""


def test_type_checker_sees_the_new_option(regenerated: Regenerated, nox_envdir: Path) -> None:
    """The copied tree's own `nox -s typecheck`: the new field is typed in create()'s signature."""
    probe = regenerated.tree / "wrapper" / "browser_use_cloud" / "_loop_probe.py"
    probe.write_text(TYPED_USE.format(field=NEW_REQUEST_FIELD[1]), encoding="utf-8")
    try:
        result = run_nox(regenerated.tree, nox_envdir, "typecheck")
    finally:
        probe.unlink()
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert result.returncode != 0, result.stdout
    assert len(errors) == 1, "\n".join(errors)  # sends() type-checks: the option is known
    assert errors[0].startswith("wrapper/browser_use_cloud/_loop_probe.py:9:"), errors[0]
