"""A synthetic optional spec change, and what the re-derived wrapper must do with it.

Used by the test that re-derives the wrapper in a copy (the whole loop through `nox -s regen`
is tests/foundation/test_regen_loop.py): the change adds an optional request field
(`flash_mode`), optional response fields (`TaskResponse.cost`, on list items
`TaskStepResponse.duration_ms`) and an enum value (`LLMModel` "gpt-5").
"""

from __future__ import annotations

import copy
from typing import Any

NEW_REQUEST_FIELD = "flash_mode"
NEW_RESPONSE_FIELD = "cost"
NEW_ITEM_FIELD = "duration_ms"
NEW_MODEL = "gpt-5"
REQUESTS = ("RunTaskRequest", "ScheduledTaskRequest", "UpdateScheduledTaskRequest")


def apply(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with the optional additions (a copy)."""
    changed = copy.deepcopy(spec)
    schemas = changed["components"]["schemas"]
    for name in REQUESTS:
        schemas[name]["properties"][NEW_REQUEST_FIELD] = {
            "anyOf": [{"type": "boolean"}, {"type": "null"}],
            "title": "Flash Mode",
            "description": "Run with the fastest settings.",
        }
    schemas["TaskResponse"]["properties"][NEW_RESPONSE_FIELD] = {
        "anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}],
        "title": "Cost",
        "description": "Credits the task used.",
    }
    schemas["TaskStepResponse"]["properties"][NEW_ITEM_FIELD] = {
        "type": "integer",
        "minimum": 0,
        "title": "Duration Ms",
        "description": "How long the step took.",
    }
    if NEW_MODEL not in schemas["LLMModel"]["enum"]:  # a regen may have brought it already
        schemas["LLMModel"]["enum"].append(NEW_MODEL)
    return changed


# Run in a fresh interpreter whose `browser_use_cloud` (and operation table) is the re-derived
# copy; $BROWSER_USE_EMULATOR_OPENAPI names the changed spec for the checks. Prints one line
# per check.
CHECKS = r"""
import json, os, sys, typing
import jsonschema
from click.testing import CliRunner
import browser_use_cloud
from browser_use_cloud import BrowserUse, LLMModel, ScheduledTaskChanges, TaskOptions
from browser_use_cloud.cli._app import cli
from browser_use_cloud.emulator import Emulator, EmulatorConfig

root = sys.argv[1]
assert browser_use_cloud.__file__.startswith(root), browser_use_cloud.__file__
spec = json.load(open(os.environ["BROWSER_USE_EMULATOR_OPENAPI"]))

def valid(schema_name, value):
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    jsonschema.validate(value, schema)

assert "gpt-5" in [m.value for m in LLMModel]; print("enum lists gpt-5")
assert "flash_mode" in typing.get_type_hints(TaskOptions); print("TaskOptions has flash_mode")
assert "flash_mode" in typing.get_type_hints(ScheduledTaskChanges)
help_text = CliRunner().invoke(cli, ["run", "--help"], terminal_width=200).output
assert "gpt-5" in help_text, help_text; print("CLI lists gpt-5")

with Emulator(EmulatorConfig(step_interval=0.01, steps_per_task=3)) as emu:
    with BrowserUse(api_key="k", base_url=emu.base_url) as client:
        handle = client.tasks.create(
            "check [[emulator:instant]]", flash_mode=True, llm_model="gpt-5"
        )
        record = emu.state.tasks[handle.id].request
        assert record["flash_mode"] is True and record["llm_model"] == "gpt-5", record
        print("create sends flash_mode")
        result = client.tasks.run("again [[emulator:instant]]", flash_mode=False)
        assert emu.state.tasks[result.id].request["flash_mode"] is False
        print("run sends flash_mode")
        task = client.tasks.get(handle.id)
        assert isinstance(task.cost, float) and task.cost >= 0, task.cost
        assert task.steps and all(isinstance(s.duration_ms, int) for s in task.steps)
        assert isinstance(result.cost, float)
        print("results carry cost and steps carry duration_ms")
        valid("TaskResponse", task.raw); print("emulator answer valid for the new spec")
        schedule_id = client.scheduled_tasks.create("daily", interval_minutes=60, flash_mode=True)
        assert emu.state.schedules[schedule_id].request["flash_mode"] is True
        client.scheduled_tasks.update(schedule_id, flash_mode=False)
        assert emu.state.schedules[schedule_id].request["flash_mode"] is False
        print("scheduled_tasks.create/update send flash_mode")
print("OK")
"""
