"""Tasks with the sync client against the emulator over loopback."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any, cast

import httpx
import pydantic
import pytest
from tasks_helpers import Recorder

from browser_use_cloud import (
    BrowserUse,
    BrowserUseError,
    InputError,
    StructuredOutputError,
    TaskCreationUnconfirmedError,
    TaskFailedError,
    TaskStatus,
    TaskStep,
    TaskStoppedError,
    WaitTimeoutError,
)
from browser_use_cloud._input.structured_output import OutputSpec
from browser_use_cloud._policies.polling import WAIT_POLICY, PollPolicy
from browser_use_cloud._policies.retry import RetryPolicy
from browser_use_cloud.emulator import Emulator


class Company(pydantic.BaseModel):
    name: str
    founded_year: int


def test_run_returns_parsed_pydantic_output(client: BrowserUse) -> None:
    result = client.tasks.run("Find a company [[emulator:steps=3]]", output_type=Company)
    assert result.status == TaskStatus.FINISHED
    assert isinstance(result.parsed, Company)
    assert result.parsed == Company.model_validate_json(result.output or "")
    assert len(result.steps) == 3


def test_run_with_dict_schema(client: BrowserUse) -> None:
    schema = {
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"type": "string"}}},
        "required": ["items"],
    }
    result = client.tasks.run("List things", output_type=schema)
    assert isinstance(result.parsed, dict) and isinstance(result.parsed["items"], list)


def test_run_without_output_type_has_no_parsed(client: BrowserUse) -> None:
    result = client.tasks.run("Search for cats")
    assert result.parsed is None and result.output


def test_structured_output_error_keeps_raw(client: BrowserUse, emulator: Emulator) -> None:
    handle = client.tasks.create("Plain answer")  # no schema sent: output is prose
    handle._output = OutputSpec(Company)
    with pytest.raises(StructuredOutputError) as info:
        handle.wait()
    assert info.value.raw_output and "Task completed" in info.value.raw_output


def test_structured_output_error_names_the_task(client: BrowserUse) -> None:
    handle = client.tasks.create("Plain answer")
    handle._output = OutputSpec(Company)
    with pytest.raises(StructuredOutputError) as info:
        handle.wait()
    assert info.value.task_id == handle.id
    assert info.value.task is not None and info.value.task.id == handle.id
    assert info.value.task.status == TaskStatus.FINISHED
    assert info.value.task.output == info.value.raw_output


def test_wait_polls_status_and_fetches_full_task_once(
    client: BrowserUse, recorder: Recorder
) -> None:
    handle = client.tasks.create("Count steps [[emulator:steps=6]]")
    task = handle.wait()
    assert task.id == handle.id and len(task.steps) == 6
    gets = recorder.paths("GET")
    assert gets.count(f"/api/v1/task/{handle.id}") == 1
    assert all(p == f"/api/v1/task/{handle.id}/status" for p in gets[:-1])


def test_instant_task_finished_at_first_poll(client: BrowserUse, recorder: Recorder) -> None:
    client.tasks.wait_policy = PollPolicy(initial=0.2, factor=2, max_interval=1)
    task = client.tasks.run("Quick [[emulator:instant]]")
    assert task.status == TaskStatus.FINISHED
    assert recorder.paths("GET").count(f"/api/v1/task/{task.id}/status") == 1


def test_failed_task_raises_with_task(client: BrowserUse) -> None:
    with pytest.raises(TaskFailedError) as info:
        client.tasks.run("Doomed [[emulator:fail]]")
    assert info.value.task is not None and info.value.task.status == TaskStatus.FAILED
    assert info.value.status == "failed"


def test_stopped_task_raises(client: BrowserUse) -> None:
    handle = client.tasks.create("Long one [[emulator:steps=200]]")
    handle.stop()
    with pytest.raises(TaskStoppedError):
        handle.wait()
    assert client.tasks.status(handle.id) == TaskStatus.STOPPED


def test_wait_timeout_stop_stops_remote_task(client: BrowserUse) -> None:
    handle = client.tasks.create("Long one [[emulator:steps=200]]")
    with pytest.raises(WaitTimeoutError) as info:
        handle.wait(wait_timeout=0.1, on_timeout="stop")
    assert info.value.stopped is True and info.value.task_id == handle.id
    assert handle.status() == TaskStatus.STOPPED


def test_wait_timeout_raise_leaves_task_running(client: BrowserUse) -> None:
    handle = client.tasks.create("Long one [[emulator:steps=200]]")
    with pytest.raises(WaitTimeoutError) as info:
        handle.wait(wait_timeout=0.05)
    assert info.value.stopped is False
    assert isinstance(info.value, TimeoutError)
    assert handle.status() == TaskStatus.RUNNING
    handle.stop()


def test_a_wait_that_times_out_before_its_first_check_names_the_status(
    client: BrowserUse,
) -> None:
    """The default cadence checks 1 s after creation: a shorter wait_timeout still reports
    where the task stands (it said "last status: unknown")."""
    handle = client.tasks.create("Long one [[emulator:steps=200]]")
    handle.wait_policy = WAIT_POLICY
    with pytest.raises(WaitTimeoutError) as info:
        handle.wait(wait_timeout=0.3)
    assert info.value.last_status == "running"
    assert "unknown" not in str(info.value) and "still running" in str(info.value)
    handle.stop()


def test_paused_is_not_terminal(client: BrowserUse) -> None:
    handle = client.tasks.create("Pause me [[emulator:steps=200]]")
    handle.pause()
    assert handle.status() == TaskStatus.PAUSED
    with pytest.raises(WaitTimeoutError) as info:
        handle.wait(wait_timeout=0.2)
    assert info.value.last_status == "paused"
    handle.stop()


def test_wait_timeout_on_a_paused_task_says_it_is_paused(client: BrowserUse) -> None:
    handle = client.tasks.create("Pause me [[emulator:steps=200]]")
    handle.pause()
    with pytest.raises(WaitTimeoutError) as info:
        handle.wait(wait_timeout=0.2)
    message = str(info.value)
    assert "still running" not in message
    assert "paused" in message and "resume()" in message
    handle.stop()


@pytest.mark.parametrize("page_size", [0, 101])
def test_iter_names_page_size_when_it_is_out_of_range(client: BrowserUse, page_size: int) -> None:
    for resource in (client.tasks, client.scheduled_tasks, client.browser_profiles):
        with pytest.raises(InputError) as info:
            resource.iter(page_size=page_size)
        assert "page_size" in str(info.value) and "limit" not in str(info.value)


def test_steps_yield_each_step_once_across_pause(client: BrowserUse) -> None:
    handle = client.tasks.create("Walk [[emulator:steps=40]]")
    seen: list[TaskStep] = []
    for step in handle.steps():
        if not seen:
            handle.pause()
            paused_at = len(handle.get().steps)
            assert handle.status() == TaskStatus.PAUSED
            assert len(handle.get().steps) == paused_at
            handle.resume()
        seen.append(step)
    assert [s.step for s in seen] == list(range(1, 41))
    assert len({s.id for s in seen}) == 40


def test_stream_by_id_of_finished_task(client: BrowserUse) -> None:
    task = client.tasks.run("Done already [[emulator:steps=5]]")
    steps = list(client.tasks.steps(task.id))
    assert [s.id for s in steps] == [s.id for s in task.steps]


def test_run_on_step_callback(client: BrowserUse, recorder: Recorder) -> None:
    got: list[int] = []
    result = client.tasks.run("Walk [[emulator:steps=7]]", on_step=lambda s: got.append(s.step))
    assert got == list(range(1, 8))
    assert len(result.steps) == 7
    assert not any(p.endswith("/status") for p in recorder.paths("GET"))  # final fetch reused


def test_only_set_fields_and_request_id_are_sent(client: BrowserUse, recorder: Recorder) -> None:
    def last_body() -> dict[str, Any]:
        post = [r for r in recorder.requests if r.method == "POST"][-1]
        return cast(dict[str, Any], json.loads(post.content))

    client.tasks.create("x", max_agent_steps=2, metadata={"job": "7"})
    body = last_body()
    assert set(body) == {"task", "max_agent_steps", "metadata"}
    assert body["metadata"]["job"] == "7"
    assert body["metadata"]["bu_request_id"].startswith("bu-")
    client.tasks.create("y", request_id=False)
    assert last_body() == {"task": "y"}
    client.tasks.create("z", request_id="job-42")
    assert last_body()["metadata"] == {"bu_request_id": "job-42"}


def test_invalid_input_sends_nothing(client: BrowserUse, recorder: Recorder) -> None:
    with pytest.raises(InputError):
        client.tasks.create("  ")
    with pytest.raises(InputError):
        client.tasks.create("x", metadata={f"k{i}": "v" for i in range(10)})
    with pytest.raises(InputError):
        client.tasks.create("x", output_type=Company, structured_output_json="{}")
    with pytest.raises(InputError):
        client.tasks.run("x", on_timeout="ignore")  # type: ignore[call-overload]
    assert recorder.requests == []


def test_get_list_iter(client: BrowserUse) -> None:
    ids = [client.tasks.create(f"task {i}").id for i in range(5)]
    page = client.tasks.list(page=1, limit=2)
    assert [t.id for t in page.items] == ids[::-1][:2]
    assert page.total_count == 5
    assert [t.id for t in client.tasks.iter(page_size=2)] == ids[::-1]
    assert [t.id for t in client.tasks.iter(max_items=3, page_size=2)] == ids[::-1][:3]
    assert client.tasks.get(ids[0]).id == ids[0]


def test_media_screenshots_gif(client: BrowserUse) -> None:
    task = client.tasks.run("Look around [[emulator:steps=3]]")
    handle = client.tasks.handle(task.id)
    media = handle.media()
    assert media.recordings is None or all(isinstance(u, str) for u in media.recordings)
    shots = handle.screenshots()
    assert shots is None or all(u.startswith("http") for u in shots)
    gif = handle.gif()
    assert gif is None or gif.startswith("http")


def test_output_files_download_without_api_key(
    client: BrowserUse, recorder: Recorder, tmp_path: Path
) -> None:
    task = client.tasks.run("Make files [[emulator:files=report.txt,data.csv]]")
    assert set(task.output_files or ()) == {"report.txt", "data.csv"}
    handle = client.tasks.handle(task.id)
    url = handle.output_file("report.txt")
    assert url.startswith("http")
    target = tmp_path / "report.txt"
    size = handle.download_output_file("report.txt", target)
    assert size == target.stat().st_size > 0
    download = recorder.requests[-1]
    presigned = httpx.URL(url)  # the download asks for a fresh URL: its expiry may differ by 1 s
    assert (download.url.host, download.url.path) == (presigned.host, presigned.path)
    assert download.url.params["signature"]
    assert "authorization" not in download.headers


def test_run_uploads_files_first(client: BrowserUse, emulator: Emulator, tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text("hello")
    task = client.tasks.run("Read my notes", files=[doc])
    assert emulator.state.tasks[task.id].request["included_file_names"] == ["notes.txt"]


@pytest.mark.parametrize(
    "bad",
    [
        {"llm_model": "gpt-9000"},
        {"allowed_domains": ["https://example.com"]},
        {"output_type": 42},
        {"request_id": ""},
        {"on_timeout": "ignore"},
    ],
)
def test_run_checks_everything_before_uploading(
    client: BrowserUse, recorder: Recorder, tmp_path: Path, bad: dict[str, Any]
) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text("hello")
    with pytest.raises(InputError):
        client.tasks.run("Read my notes", files=[doc], **bad)
    assert recorder.requests == []


def test_run_checks_every_file_before_uploading_any(
    client: BrowserUse, recorder: Recorder, tmp_path: Path
) -> None:
    good, bad = tmp_path / "notes.txt", tmp_path / "tool.exe"
    good.write_text("hello")
    bad.write_bytes(b"MZ")
    with pytest.raises(InputError, match=r"tool\.exe"):
        client.tasks.run("Read my notes", files=[good, bad])
    assert recorder.requests == []


def test_create_takes_files_too(client: BrowserUse, emulator: Emulator, tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text("hello")
    handle = client.tasks.create("Read my notes", files=[doc], included_file_names=[])
    assert emulator.state.tasks[handle.id].request["included_file_names"] == ["notes.txt"]
    handle.stop()


def test_handle_repr_has_no_secrets(client: BrowserUse) -> None:
    handle = client.tasks.create("Log in", secrets={"password": "hunter2-secret"})
    assert "hunter2-secret" not in repr(handle)
    assert handle.id in repr(handle)
    handle.stop()


@pytest.mark.parametrize("emulator_config", [{"faults": "drop=0.3,500=0.1", "seed": 3}])
def test_download_to_stream_survives_faults(client: BrowserUse, emulator: Emulator) -> None:
    client._http.policy = RetryPolicy(max_retries=6, base_delay=0.005, max_delay=0.02)
    request_id: bool | str = True
    for _ in range(10):  # a dropped run-task is not sent twice: re-attach by its request id
        try:
            task = client.tasks.run("Files [[emulator:files=a.txt]]", request_id=request_id)
            break
        except TaskCreationUnconfirmedError as exc:
            request_id = exc.request_id
    sink = io.BytesIO()
    size = client.tasks.download_output_file(task.id, "a.txt", sink)
    url = client.tasks.output_file(task.id, "a.txt")
    assert sink.getvalue() == reference_download(url, emulator.transport())
    assert size == len(sink.getvalue()) > 0


def reference_download(url: str, transport: httpx.BaseTransport) -> bytes:
    """The file as plain httpx sees it (retrying the injected faults)."""
    for _ in range(50):
        with contextlib.suppress(httpx.TransportError):
            response = httpx.Client(transport=transport).get(url)
            if response.status_code == 200:
                return response.content
    raise AssertionError("could not fetch the reference copy")


@pytest.mark.parametrize("emulator_config", [{"faults": "500=0.25,drop=0.15", "seed": 11}])
def test_wait_and_stream_ride_out_transient_faults(client: BrowserUse, emulator: Emulator) -> None:
    client._http.policy = RetryPolicy(max_retries=1, base_delay=0.005, max_delay=0.02)
    handle = None
    for _ in range(10):  # creating is not what this test is about
        with contextlib.suppress(BrowserUseError):
            handle = client.tasks.create("Bumpy [[emulator:steps=30]]")
            break
    assert handle is not None
    task = handle.wait()
    assert task.status == TaskStatus.FINISHED and len(task.steps) == 30
    steps = list(client.tasks.steps(task.id))
    assert [s.step for s in steps] == list(range(1, 31))
    assert emulator.fault_counts.get("500", 0) + emulator.fault_counts.get("drop", 0) > 0


def test_wait_after_full_stream_sends_nothing(client: BrowserUse, recorder: Recorder) -> None:
    handle = client.tasks.create("Walk [[emulator:steps=3]]", output_type=Company)
    assert len(list(handle.steps())) == 3
    sent = len(recorder.requests)
    result = handle.wait()
    assert len(recorder.requests) == sent
    assert isinstance(result.parsed, Company)
