"""The result types are the generated models, and the generated code builds the requests."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import derive_surface
import pytest

import browser_use_cloud as bu
from browser_use_cloud._transport.operation import body_op


@pytest.mark.parametrize("public", sorted({**derive_surface.RESULTS, **derive_surface.ENUMS}))
def test_public_result_types_are_the_generated_classes(public: str) -> None:
    import browser_use_cloud_api.models as generated

    assert getattr(bu, public) is getattr(generated, public)
    assert getattr(bu, public).__module__.startswith("browser_use_cloud_api.models.")


def test_a_request_model_sends_only_what_it_was_given() -> None:
    from browser_use_cloud_api.models import RunTaskRequest, ScheduledTaskRequest

    body = RunTaskRequest(task="go", max_agent_steps=5, metadata={"k": "v"}).to_dict()
    assert body == {"task": "go", "max_agent_steps": 5, "metadata": {"k": "v"}}  # no defaults
    start = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.UTC)
    scheduled = ScheduledTaskRequest(
        task="go", schedule_type=bu.ScheduleType.CRON, cron_expression="0 * * * *", start_at=start
    ).to_dict()
    assert scheduled["schedule_type"] == "cron" and scheduled["start_at"] == start.isoformat()


def test_body_op_builds_the_request_with_the_generated_operation() -> None:
    from browser_use_cloud_api.api.tasks import run_task
    from browser_use_cloud_api.models import RunTaskRequest

    fields = {"task": "go", "llm_model": "gpt-4o", "secrets": {"pw": "x"}}
    op = body_op(run_task, RunTaskRequest, fields)
    assert (op["method"], op["url"], op["json"]) == ("post", "/api/v1/run-task", fields)
    assert op["json"] is not fields  # written by the model, not the caller's dict passed on


def test_importing_the_package_or_a_result_type_loads_no_http_client() -> None:
    probe = (
        "import sys, browser_use_cloud as bu\n"
        "before = sorted(m for m in sys.modules if m.startswith('browser_use_cloud_api'))\n"
        "bu.Task, bu.TaskStatus\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'httpx'"
        " or m.startswith(('browser_use_cloud_api.client', 'browser_use_cloud_api.api')))\n"
        "print(before, heavy, 'browser_use_cloud_api.models.task' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["[]", "[]", "True"]
