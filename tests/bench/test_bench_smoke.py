"""Each benchmark at tiny sizes: it runs end to end and its functional facts hold.

Nothing here looks at time: ratios must only exist and be finite. The official SDK
(browser-use-sdk) is a baseline only; where it is not installed its part is skipped.
"""

from __future__ import annotations

import math

import pytest

from bench import (
    batch,
    concurrency,
    follow,
    get_task,
    import_time,
    in_process_emulator,
    iterate,
    map_pace,
    upload,
    webhooks,
)
from bench._common import Outcome, official_sdk_available
from bench.run import BENCHMARKS, run_one

NO_OFFICIAL = "browser-use-sdk (the official SDK, a baseline) is not installed in this env"


def finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and value > 0


@pytest.fixture(scope="module")
def import_outcome() -> Outcome:
    return import_time.run(import_time.SMOKE)


def test_import_time_measures_every_case(import_outcome: Outcome) -> None:
    medians = import_outcome.facts["medians"]
    assert {"sdk", "httpx", "python"} <= medians.keys()
    assert all(finite(value) for value in medians.values())
    assert finite(import_outcome.figures[1].ratio)  # vs httpx
    assert {"cli_help", "click_rich"} <= medians.keys()
    assert finite(import_outcome.figures[2].ratio)  # --help vs click+rich
    assert any(name.startswith("browser_use_cloud") for name, _ in import_outcome.facts["heavy"])


def test_import_time_against_the_official_sdk(import_outcome: Outcome) -> None:
    if not official_sdk_available():
        print(f"skipped: {NO_OFFICIAL}")
        pytest.skip(NO_OFFICIAL)
    assert finite(import_outcome.figures[0].ratio)


@pytest.fixture(scope="module")
def get_outcome() -> Outcome:
    return get_task.run(get_task.SMOKE)


def test_get_task_returns_the_typed_twenty_step_task(get_outcome: Outcome) -> None:
    facts = get_outcome.facts
    assert facts["typed"] is True
    assert facts["steps"] == get_task.STEPS
    assert facts["v2_bytes"] >= facts["v1_bytes"]
    assert finite(facts["ratio"])
    assert all(finite(cpu) for cpu in facts["cpu"].values())


def test_get_task_against_the_official_sdk(get_outcome: Outcome) -> None:
    if not official_sdk_available():
        print(f"skipped: {NO_OFFICIAL}")
        pytest.skip(NO_OFFICIAL)
    assert get_outcome.facts["official_steps"] == get_task.STEPS
    assert finite(get_outcome.figures[2].ratio)


def test_follow_sees_every_step_with_every_strategy() -> None:
    outcome = follow.run(follow.SMOKE)
    steps = follow.SMOKE.steps
    names = ("recipe", "official", "wait", "webhook", "steps")
    assert outcome.facts["samples"] == {name: 1 for name in names}
    assert all(got == [steps] for got in outcome.facts["steps"].values())
    assert all(finite(value) for value in outcome.facts["ratios"])
    # 3b: a wait fed webhook events needs no check before the end event, then one full GET.
    assert outcome.facts["requests"]["webhook"] <= follow.TARGET_WEBHOOK_REQUESTS


def test_iterate_yields_every_task_once() -> None:
    outcome = iterate.run(iterate.SMOKE)
    expected = iterate.SMOKE.tasks
    assert outcome.facts["counts"] == {"sdk": [expected], "raw": [expected]}
    assert outcome.facts["unique"] == {"sdk": [expected], "raw": [expected]}
    assert all(finite(value) for value in outcome.facts["ratios"])


def test_upload_stores_the_exact_bytes() -> None:
    outcome = upload.run(upload.SMOKE)
    assert outcome.facts["stored_ok"] == [True, True]  # MD5 and size checked on the server
    assert finite(outcome.facts["ratios"][0])


def test_webhook_benchmark_verifies_real_deliveries() -> None:
    outcome = webhooks.run(webhooks.SMOKE)
    facts = outcome.facts
    assert facts["event_type"] == "agent.task.status_update"
    assert facts["task_id"] == facts["baseline_task_id"]
    assert facts["tampered_rejected"] is True
    assert finite(facts["ratio"])


# The two rows that run timed maps in their own processes against emulator processes (40 s of
# the suite): pipeline tests. tests/many judges the same behaviour (budget, slots) in-process.
@pytest.mark.pipeline
def test_many_tasks_keep_the_budget_and_the_slot_limit() -> None:
    """7a-7c small: every task finishes; no 429 under the service's rate limit; the
    busiest second stays under it; never more tasks running than the slots."""
    outcome = concurrency.run(concurrency.SMOKE)
    facts = outcome.facts
    expected = facts["expected"]
    assert facts["finished_7a"] == [expected] and facts["errors_7a"] == [{}, {}]
    assert finite(facts["ratio_7a"])
    assert facts["finished_7b"] == expected
    assert facts["rate_limited_7b"] == 0
    assert facts["peak_7b"] <= concurrency.SERVICE_RATE
    assert facts["official_7b"]["finished"] == expected  # the baseline ran too
    assert facts["finished_7c"] == expected and facts["errors_7c"] == {}
    assert facts["peak_running_7c"] <= concurrency.SMOKE.slots


@pytest.mark.pipeline
def test_map_pace_runs_every_input_within_the_slots() -> None:
    """10a-10c small: every map finishes all its inputs, never above the account's slots."""
    outcome = map_pace.run(map_pace.SMOKE)
    facts = outcome.facts
    assert all(finished == map_pace.INPUTS for finished in facts["finished"])
    assert facts["peak_running_10a"] <= 3 and facts["peak_running_10b"] <= 2
    assert all(refused >= 1 for refused in facts["refused_10a"])  # the slot was taken
    assert finite(facts["ratio_10c"])


def test_batch_killed_and_resumed_creates_each_task_once() -> None:
    outcome = batch.run(batch.SMOKE)
    facts = outcome.facts
    lines = batch.SMOKE.lines
    assert 0 < facts["killed_at"] < lines
    assert facts["tasks"] == lines  # nothing billed twice
    assert facts["records"] == facts["distinct"] == lines
    assert facts["resume_exit"] == 0
    assert facts["rss"] > 0


def test_a_crashing_benchmark_becomes_a_missed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(sizes: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(webhooks, "run", explode)
    outcome = run_one(6, smoke=True)
    assert outcome.number == 6 and outcome.met is False
    assert "RuntimeError" in outcome.notes[0] and "boom" in outcome.notes[0]
    assert sorted(BENCHMARKS) == list(range(1, max(BENCHMARKS) + 1))  # numbered 1, 2, ...


def test_in_process_emulator_row_measures_each_case_side_by_side() -> None:
    outcome = in_process_emulator.run(in_process_emulator.SMOKE)
    medians = outcome.facts["medians"]
    assert set(medians) == {"in_process", "mock", "socket"}
    assert all(finite(value) for value in medians.values())
    assert outcome.facts["distinct_ids"] == in_process_emulator.SMOKE.runs  # a task each time
    assert all(finite(figure.ratio) for figure in outcome.figures)
