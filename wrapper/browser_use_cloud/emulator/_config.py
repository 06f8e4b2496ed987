"""Emulator settings: pace, determinism, auth, limits, webhooks and faults."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._faults import FaultSpec

MB = 1024 * 1024
STEPS_PER_TASK = 5
"""Default steps of an emulated run, everywhere (programs, tests, the pytest fixture and the
CLI's emulators): the same task gives the same steps and output in each."""
STEP_INTERVAL = 0.05
"""Default seconds between steps, for programs and tests: each step arrives on its own,
and a five-step task still ends in about 0.3 s."""


@dataclass(frozen=True, kw_only=True)
class EmulatorConfig:
    """How the emulated service behaves. Every field has a sensible default.

    ``api_key=None`` accepts any non-empty bearer key. ``seed`` makes ids, steps,
    outputs and injected failures reproducible; without one each emulator draws its
    own (``Emulator.state.seed`` tells which, to replay a run). ``time_scale`` speeds
    up the schedule clock only (60.0: one scheduled minute passes per real second).
    ``rate_limit`` (API requests per second per key) and ``max_concurrent_tasks`` (tasks
    not yet ended) model the service's two 429s; None (the default) is unlimited.
    """

    api_key: str | None = field(default=None, repr=False)
    step_interval: float = STEP_INTERVAL
    steps_per_task: int = STEPS_PER_TASK
    seed: int | None = None
    faults: FaultSpec | str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    upload_limit_bytes: int = 10 * MB
    task_upload_limit_bytes: int = 50 * MB
    time_scale: float = 1.0
    initial_balance: int = 10_000
    failure_rate: float = 0.0
    rate_limit: float | None = None
    max_concurrent_tasks: int | None = None

    def __post_init__(self) -> None:
        if self.api_key is not None and not self.api_key:
            raise ValueError("api_key must be a non-empty string or None")
        if self.step_interval < 0:
            raise ValueError("step_interval must be >= 0")
        if self.steps_per_task < 1:
            raise ValueError("steps_per_task must be >= 1")
        if not 0.0 <= self.failure_rate <= 1.0:
            raise ValueError("failure_rate must be between 0 and 1")
        if self.time_scale <= 0:
            raise ValueError("time_scale must be > 0")
        if self.initial_balance < 0:
            raise ValueError("initial_balance must be >= 0")
        if self.rate_limit is not None and not self.rate_limit > 0:
            raise ValueError("rate_limit must be > 0 requests per second, or None")
        if self.max_concurrent_tasks is not None and self.max_concurrent_tasks < 1:
            raise ValueError("max_concurrent_tasks must be >= 1, or None")
