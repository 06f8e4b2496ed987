"""The arguments of following a task to its end (`wait`, `run`, `steps`, `map`), checked
before anything is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from .._exceptions import InputError
from .._models import TaskStep
from .._policies.polling import PollPolicy

OnTimeout = Literal["raise", "stop"]
"""What a follow does when `wait_timeout` passes: raise WaitTimeoutError, or stop the task
first."""
StepCallback = Callable[[TaskStep], object]
"""`on_step`: called with each new step of the task, in order."""

DEFAULT_WAIT_TIMEOUT = 30 * 60.0
"""Default `wait_timeout`: seconds `wait()`, `run()` and `steps()` follow a task before
giving up; None means no limit."""


def check_wait_timeout(wait_timeout: float | None) -> None:
    """`wait_timeout` is a number of seconds >= 0, or None (no limit)."""
    if wait_timeout is None:
        return
    if (
        isinstance(wait_timeout, bool)
        or not isinstance(wait_timeout, int | float)
        or not wait_timeout >= 0
    ):
        raise InputError(
            f"wait_timeout must be a number of seconds >= 0 or None, got {wait_timeout!r}"
        )


def check_on_timeout(on_timeout: str) -> None:
    """`on_timeout` is 'raise' or 'stop'."""
    if on_timeout not in ("raise", "stop"):
        raise InputError(f"on_timeout must be 'raise' or 'stop', got {on_timeout!r}")


def check_poll(poll: PollPolicy | None) -> None:
    """`poll` (a stream's cadence) is a PollPolicy, or None for the default."""
    if poll is not None and not isinstance(poll, PollPolicy):
        raise InputError(f"poll must be a PollPolicy or None, got {poll!r}")
