"""Task lifecycle over real HTTP: statuses, steps, control calls, directives, media."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig
from tests.conftest import load_spec

from .conftest import Api

TERMINAL = ("finished", "failed", "stopped")


def test_task_goes_created_running_finished_with_growing_steps(api: Api) -> None:
    task_id = api.run("Open https://www.python.org and find the latest release")
    seen: list[str] = []
    step_counts: list[int] = []
    while not seen or seen[-1] not in TERMINAL:
        task = api.json("get_task", {"task_id": task_id})
        if not seen or seen[-1] != task["status"]:
            seen.append(task["status"])
        step_counts.append(len(task["steps"]))
        if task["status"] != "finished":
            assert task["output"] is None and task["finished_at"] is None
        time.sleep(0.005)
    assert seen == ["created", "running", "finished"]
    assert step_counts == sorted(step_counts) and step_counts[-1] == 4
    done = api.json("get_task", {"task_id": task_id})
    assert done["finished_at"] is not None and "python.org" in done["output"]
    steps = done["steps"]
    assert [s["step"] for s in steps] == [1, 2, 3, 4]
    assert len({s["id"] for s in steps}) == 4
    assert steps[0]["next_goal"] == "Navigate to https://www.python.org"
    assert steps[1]["url"] == "https://www.python.org"


def test_pause_freezes_and_resume_continues(api: Api) -> None:
    # 50 steps of 0.02 s: still running when the pause arrives on a loaded machine (12 steps
    # could all be taken between seeing "running" and pausing).
    task_id = api.run("Search for pause tests [[emulator:steps=50]]")
    api.wait(task_id, lambda s: s == "running")
    assert api.json("pause_task", params={"task_id": task_id}) == {}
    frozen = len(api.json("get_task", {"task_id": task_id})["steps"])
    time.sleep(0.15)
    task = api.json("get_task", {"task_id": task_id})
    assert task["status"] == "paused" and len(task["steps"]) == frozen
    assert api.json("pause_task", params={"task_id": task_id}) == {}  # retry is harmless
    assert api.json("resume_task", params={"task_id": task_id}) == {}
    assert api.json("resume_task", params={"task_id": task_id}) == {}  # retry is harmless
    done = api.finish(task_id)
    assert done["status"] == "finished" and len(done["steps"]) == 50


def test_stop_is_final_and_control_of_ended_tasks_is_refused(api: Api) -> None:
    task_id = api.run("Stop me [[emulator:steps=50]]")
    api.wait(task_id, lambda s: s == "running")
    assert api.json("stop_task", params={"task_id": task_id}) == {}
    assert api.json("stop_task", params={"task_id": task_id}) == {}  # retry is harmless
    stopped = api.json("get_task", {"task_id": task_id})
    time.sleep(0.1)
    again = api.json("get_task", {"task_id": task_id})
    assert again["status"] == "stopped" and again["steps"] == stopped["steps"]
    assert again["finished_at"] is not None and again["output"] is None
    for op in ("resume_task", "pause_task"):
        detail = api.json(op, params={"task_id": task_id}, expect=409)["detail"]
        assert "stopped" in detail
    finished = api.run("Done quickly [[emulator:instant]]")
    assert api.status(finished) == "finished"
    for op in ("pause_task", "resume_task", "stop_task"):
        assert "finished" in api.json(op, params={"task_id": finished}, expect=409)["detail"]


def test_pause_before_start_and_stop_while_paused(api: Api) -> None:
    task_id = api.run("Pause at once [[emulator:steps=3]]")
    api.call("pause_task", params={"task_id": task_id})
    assert api.status(task_id) == "paused"
    api.call("stop_task", params={"task_id": task_id})
    assert api.status(task_id) == "stopped"


def _default_max_agent_steps() -> int:
    field = load_spec()["components"]["schemas"]["RunTaskRequest"]["properties"]["max_agent_steps"]
    default: int = field["default"]
    return default


@pytest.mark.emulator_config(step_interval=0.0)
def test_a_steps_directive_is_honoured_up_to_max_agent_steps(api: Api) -> None:
    above_default = _default_max_agent_steps() + 5
    long = api.finish(api.run(f"Walk [[emulator:steps={above_default}]]", max_agent_steps=200))
    assert long["status"] == "finished" and len(long["steps"]) == above_default
    assert [s["step"] for s in long["steps"]] == list(range(1, above_default + 1))
    at_limit = api.finish(api.run("Walk [[emulator:steps=200]]", max_agent_steps=200))
    assert at_limit["status"] == "finished" and len(at_limit["steps"]) == 200


@pytest.mark.emulator_config(step_interval=0.0)
def test_a_run_that_needs_more_than_max_agent_steps_fails_at_the_limit_and_says_why(
    api: Api,
) -> None:
    default = _default_max_agent_steps()
    over = api.finish(api.run(f"Walk [[emulator:steps={default + 5}]]"))  # max_agent_steps unset
    assert over["status"] == "failed" and len(over["steps"]) == default
    assert f"max_agent_steps ({default})" in over["output"]
    assert f"steps={default + 5}" in over["output"] and "200" in over["output"]
    capped = api.finish(api.run("Capped [[emulator:steps=9]]", max_agent_steps=2))
    assert capped["status"] == "failed" and len(capped["steps"]) == 2
    assert "max_agent_steps (2)" in capped["output"]
    beyond = api.finish(api.run("Walk [[emulator:steps=500]]", max_agent_steps=200))
    assert beyond["status"] == "failed" and len(beyond["steps"]) == 200
    assert "steps=500" in beyond["output"] and "at most 200" in beyond["output"]


@pytest.mark.emulator_config(step_interval=0.0, steps_per_task=6)
def test_a_plain_run_longer_than_max_agent_steps_fails_too(api: Api) -> None:
    short = api.finish(api.run("Quick look", max_agent_steps=4))
    assert short["status"] == "failed" and len(short["steps"]) == 4
    assert "max_agent_steps (4)" in short["output"]
    assert api.finish(api.run("Quick look", max_agent_steps=6))["status"] == "finished"


def test_directives_fail_steps_instant_and_files(api: Api) -> None:
    failed = api.finish(api.run("Break [[emulator:fail]] [[emulator:steps=6]]"))
    assert failed["status"] == "failed" and failed["output"].startswith("Task failed")
    assert len(failed["steps"]) == 3 and failed["finished_at"] is not None
    instant = api.json("get_task", {"task_id": api.run("[[emulator:instant]] hi")})
    assert instant["status"] == "finished" and len(instant["steps"]) == 4
    many = api.finish(api.run("Long one [[emulator:steps=7]]"))
    assert len(many["steps"]) == 7
    files = api.finish(api.run("Export [[emulator:files=report.txt,data.csv]]"))
    assert files["output_files"] == ["report.txt", "data.csv"]
    url = api.json("get_task_output_file", {"task_id": files["id"], "file_name": "data.csv"})[
        "download_url"
    ]
    assert url.startswith(api.http.base_url.scheme + "://127.0.0.1")
    download = httpx.get(url)
    assert download.status_code == 200 and download.text.startswith("step,url,goal")
    assert "Authorization" not in download.request.headers
    missing = api.call(
        "get_task_output_file", {"task_id": files["id"], "file_name": "nope.txt"}, expect=404
    )
    assert missing.json()["detail"] == "Output file not found"


def _hosts(task: dict[str, Any]) -> set[str]:
    return {str(urlsplit(s["url"]).hostname) for s in task["steps"] if s["url"].startswith("http")}


def test_allowed_domains_keep_the_agent_on_them(api: Api) -> None:
    text = "Go to google.com and search for kettles [[emulator:steps=8]]"
    free = api.finish(api.run(text))
    assert not _hosts(free) <= {"example.com"}  # unrestricted, it wanders (google, wikipedia)
    kept = api.finish(api.run(text, allowed_domains=["example.com"], save_browser_data=True))
    assert kept["status"] == "finished"
    assert _hosts(kept) == {"example.com"}
    assert "google.com" not in " ".join(s["url"] for s in kept["steps"])
    assert "allowed_domains" in kept["output"] and "example.com" in kept["output"]
    assert "google.com" in kept["output"]  # says which site it did not open, and why
    cookie_domains = {c["domain"] for c in kept["browser_data"]["cookies"]}
    assert cookie_domains == {".example.com"}


def test_allowed_domains_wildcards_and_a_named_allowed_site(api: Api) -> None:
    wildcard = api.finish(api.run("Find the docs", allowed_domains=["*.example.org"]))
    assert _hosts(wildcard) and all(
        h == "example.org" or h.endswith(".example.org") for h in _hosts(wildcard)
    )
    text = "Open https://docs.python.org/3/ and find the asyncio page"
    named = api.finish(api.run(text, allowed_domains=["example.com", "docs.python.org"]))
    assert _hosts(named) == {"docs.python.org"}
    assert named["steps"][1]["url"].startswith("https://docs.python.org/3/")


def test_output_files_appear_only_when_finished(api: Api) -> None:
    task_id = api.run("Slow export [[emulator:steps=40]] [[emulator:files=a.txt]]")
    task = api.json("get_task", {"task_id": task_id})
    assert task["output_files"] == []
    api.call("get_task_output_file", {"task_id": task_id, "file_name": "a.txt"}, expect=404)
    api.call("stop_task", params={"task_id": task_id})


def test_unknown_task_is_404_everywhere(api: Api) -> None:
    missing = {"task_id": "00000000-0000-0000-0000-000000000000"}
    for op in ("get_task", "get_task_status", "get_task_media", "get_task_screenshots"):
        assert api.json(op, missing, expect=404) == {"detail": "Task not found"}
    assert api.json("get_task_gif", missing, expect=404) == {"detail": "Task not found"}
    for op in ("stop_task", "pause_task", "resume_task"):
        assert api.json(op, params=missing, expect=404) == {"detail": "Task not found"}
    path = {**missing, "file_name": "x.txt"}
    assert api.json("get_task_output_file", path, expect=404)["detail"] == "Task not found"


def test_media_only_after_completion_and_urls_serve_real_bytes(api: Api) -> None:
    task_id = api.run("Take pictures [[emulator:steps=30]]")
    assert api.json("get_task_media", {"task_id": task_id}) == {"recordings": None}
    assert api.json("get_task_gif", {"task_id": task_id}) == {"gif": None}
    api.call("stop_task", params={"task_id": task_id})
    done_id = api.run("Take pictures")
    api.finish(done_id)
    shots = api.json("get_task_screenshots", {"task_id": done_id})["screenshots"]
    assert len(shots) == 4
    png = httpx.get(shots[0])
    assert png.headers["content-type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    gif = httpx.get(api.json("get_task_gif", {"task_id": done_id})["gif"])
    assert gif.content[:6] == b"GIF89a"
    (recording,) = api.json("get_task_media", {"task_id": done_id})["recordings"]
    video = httpx.get(recording)
    assert video.headers["content-type"] == "video/mp4" and video.content[4:8] == b"ftyp"
    assert httpx.get(shots[0].replace("/1.png", "/9.png")).status_code == 404


def test_live_url_serves_an_html_page(api: Api) -> None:
    task_id = api.run("Watch me search for live views")
    task = api.finish(task_id)
    page = httpx.get(task["live_url"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "search for live views" in page.text and "finished" in page.text
    assert task["public_share_url"] is None


def test_public_share_and_browser_data(api: Api) -> None:
    shared = api.finish(api.run("Go to github.com", enable_public_share=True))
    assert httpx.get(shared["public_share_url"]).status_code == 200
    assert shared["browser_data"] is None
    saved = api.finish(api.run("Go to github.com", save_browser_data=True))
    domains = {c["domain"] for c in saved["browser_data"]["cookies"]}
    assert ".github.com" in domains


def test_metadata_round_trips(api: Api) -> None:
    task_id = api.run("Tagged", metadata={"customer": "acme", "run": "7"})
    assert api.json("get_task", {"task_id": task_id})["metadata"] == {
        "customer": "acme",
        "run": "7",
    }
    listed = api.json("list_tasks")["tasks"][0]
    assert listed["id"] == task_id and listed["metadata"] == {"customer": "acme", "run": "7"}


def _steps_of(seed: int, text: str) -> tuple[list[str], list[dict[str, object]]]:
    config = EmulatorConfig(seed=seed, step_interval=0.0)
    with Emulator(config) as emu:
        api = Api(emu.base_url)
        ids = [api.run(text), api.run(text)]
        task = api.json("get_task", {"task_id": ids[1]})
        return ids, task["steps"]


def test_seed_makes_runs_reproducible() -> None:
    first = _steps_of(7, "Find the weather in Paris on bbc.com")
    assert first == _steps_of(7, "Find the weather in Paris on bbc.com")
    other_ids, other_steps = _steps_of(8, "Find the weather in Paris on bbc.com")
    assert other_ids != first[0]
    assert [s["url"] for s in other_steps] == [s["url"] for s in first[1]]
    assert any("bbc.com" in str(s["url"]) for s in first[1])


def test_without_a_seed_each_emulator_draws_new_ids() -> None:
    firsts = []
    for _ in range(3):
        with Emulator(EmulatorConfig(step_interval=0.0)) as emu:
            firsts.append(Api(emu.base_url).run("The same task every time"))
            assert isinstance(emu.state.seed, int)  # the seed it drew, to replay a run
    assert len(set(firsts)) == 3, firsts


def test_the_drawn_seed_replays_a_run() -> None:
    with Emulator(EmulatorConfig(step_interval=0.0)) as emu:
        first = Api(emu.base_url).run("Replay me")
        drawn = emu.state.seed
    assert _steps_of(drawn, "Replay me")[0][0] == first


@pytest.mark.emulator_config(failure_rate=0.5, seed=3, step_interval=0.0)
def test_failure_rate_is_seeded(emulator: Emulator, api: Api) -> None:
    statuses = [api.status(api.run(f"Task number {i}")) for i in range(20)]
    assert {"failed", "finished"} == set(statuses)
    with Emulator(emulator.config) as again:
        replay = Api(again.base_url)
        assert [replay.status(replay.run(f"Task number {i}")) for i in range(20)] == statuses


@pytest.mark.emulator_config(initial_balance=6, step_interval=0.0)
def test_balance_is_spent_per_step_and_runs_stop_at_zero(api: Api) -> None:
    assert api.json("check_balance") == {"balance": "6"}
    api.run("One")
    assert api.json("check_balance") == {"balance": "2"}
    api.run("Two")
    assert api.json("check_balance") == {"balance": "0"}
    refused = api.call("run_task", json={"task": "Three"}, expect=402)
    assert "balance" in refused.json()["detail"]
