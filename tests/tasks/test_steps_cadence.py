"""`steps()` shows a short task's steps as they come, not in one burst at the end.

The emulator produces one step every `INTERVAL` seconds; the client uses its default
cadence (no test speed-ups). Bounds are counts of steps, derived from `INTERVAL`.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterator
from typing import Any

import pytest

from browser_use_cloud import BrowserUse, PollPolicy
from browser_use_cloud.emulator import Emulator

INTERVAL = 0.3  # seconds between the emulator's steps
STEPS = 12  # a task of about 4 s
pytestmark = pytest.mark.parametrize(
    "emulator_config", [{"step_interval": INTERVAL, "steps_per_task": STEPS}]
)


@pytest.fixture
def plain_client(emulator: Emulator) -> Iterator[BrowserUse]:
    with BrowserUse(
        api_key="test-key", base_url=emulator.base_url, transport=emulator.transport()
    ) as client:
        yield client


def _first_step_backlog(emulator: Emulator, client: BrowserUse, **steps_args: Any) -> int:
    """How many steps the task had produced when its first step reached the caller."""
    handle = client.tasks.create("A short task")
    record = emulator.state.get_task(handle.id)
    try:
        for _ in handle.steps(wait_timeout=60, **steps_args):
            return len(record.visible_steps(time.monotonic()))
    finally:
        handle.stop()
    raise AssertionError("the task ended without steps")


def test_the_first_step_arrives_within_about_a_second(
    emulator: Emulator, plain_client: BrowserUse
) -> None:
    backlog = _first_step_backlog(emulator, plain_client)
    assert backlog <= 1 + math.ceil(1.5 / INTERVAL), f"{backlog} steps were waiting"


def test_the_cadence_is_settable_per_stream(emulator: Emulator, plain_client: BrowserUse) -> None:
    quick = PollPolicy(initial=0.05, factor=1.0, max_interval=0.05)
    assert _first_step_backlog(emulator, plain_client, poll=quick) <= 2


def test_a_short_task_is_not_shown_in_one_or_two_bursts(plain_client: BrowserUse) -> None:
    handle = plain_client.tasks.create("A short task")
    arrivals = [time.monotonic() for _ in handle.steps(wait_timeout=60)]
    assert len(arrivals) == STEPS
    bursts = 1 + sum(1 for a, b in itertools.pairwise(arrivals) if b - a > INTERVAL / 2)
    # Steps appear over STEPS * INTERVAL s; a fetch about every second sees them in
    # at least 3 groups, where a fetch every 2.5 s sees 2.
    assert bursts >= 3, f"{STEPS} steps arrived in {bursts} bursts"
