"""The built-in emulator, started in-process for `run --local` and the demo."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

from ..emulator._config import READABLE_STEP_INTERVAL, STEPS_PER_TASK
from ._errors import CliError

if TYPE_CHECKING:
    from ..emulator import Emulator, EmulatorConfig

STEP_INTERVAL_ENV: Final = "BROWSER_USE_EMULATOR_STEP_INTERVAL"
STEPS_ENV: Final = "BROWSER_USE_EMULATOR_STEPS"
DEFAULT_STEP_INTERVAL: Final = READABLE_STEP_INTERVAL
DEFAULT_STEPS: Final = STEPS_PER_TASK
LOCAL_API_KEY: Final = "local-emulator"
"""Key sent to the in-process emulator (it accepts any key)."""


def _env_number(name: str, default: float, cast: type[float] | type[int]) -> Any:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return cast(raw)
    except ValueError:
        raise CliError(f"{name}={raw!r} is not a valid {cast.__name__}") from None


def local_config(**overrides: Any) -> EmulatorConfig:
    """The in-process emulator's settings: a readable pace, tunable by environment.

    Only the pace differs from `EmulatorConfig`'s defaults; the steps are the same, so a
    task gives the same output here as in a program or a test.
    """
    from ..emulator import EmulatorConfig

    settings: dict[str, Any] = {
        "step_interval": _env_number(STEP_INTERVAL_ENV, DEFAULT_STEP_INTERVAL, float),
        "steps_per_task": _env_number(STEPS_ENV, DEFAULT_STEPS, int),
    }
    settings.update(overrides)
    try:
        return EmulatorConfig(**settings)
    except ValueError as exc:
        raise CliError(f"emulator settings: {exc}") from None


@contextmanager
def local_emulator(config: EmulatorConfig) -> Iterator[Emulator]:
    """Serve the emulator on a free loopback port for the duration of the block."""
    try:
        from ..emulator import Emulator

        emulator = Emulator(config)
    except ImportError as exc:
        raise CliError(
            f"the built-in emulator needs extra packages ({exc.name} is missing): "
            "pip install 'browser-use-cloud[cli]'"
        ) from None
    with emulator:
        yield emulator
