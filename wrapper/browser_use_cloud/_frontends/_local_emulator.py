"""The built-in emulator of the front-ends (`run --local`, the demo, `mcp --local`): its
pace, the emulator started on a free loopback port, and how to poll it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

import click

from .._exceptions import InputError
from .._policies.polling import PollPolicy
from ..emulator import EmulatorConfig

if TYPE_CHECKING:
    from ..emulator import Emulator

STEP_INTERVAL_ENV: Final = "BROWSER_USE_EMULATOR_STEP_INTERVAL"
STEPS_ENV: Final = "BROWSER_USE_EMULATOR_STEPS"
DEFAULT_STEP_INTERVAL: Final = 0.4
"""The pace of the CLI's emulators (`run --local`, `demo`, `emulator`): slow enough for a
person to read each step as it appears (programs and tests keep the emulator's own)."""
DEFAULT_STEPS: Final = EmulatorConfig.steps_per_task
"""The emulator's own default, so a task gives the same steps here as in a program."""
LOCAL_API_KEY: Final = "local-emulator"
"""Key sent to the in-process emulator (it accepts any key)."""


def _env_number(name: str, default: float, cast: type[float] | type[int]) -> Any:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return cast(raw)
    except ValueError:
        raise InputError(f"{name}={raw!r} is not a valid {cast.__name__}") from None


def local_config(**overrides: Any) -> EmulatorConfig:
    """The in-process emulator's settings: a readable pace, tunable by environment.

    Only the pace differs from `EmulatorConfig`'s defaults; the steps are the same, so a
    task gives the same output here as in a program or a test.
    """
    settings: dict[str, Any] = {
        "step_interval": _env_number(STEP_INTERVAL_ENV, DEFAULT_STEP_INTERVAL, float),
        "steps_per_task": _env_number(STEPS_ENV, DEFAULT_STEPS, int),
    }
    settings.update(overrides)
    try:
        return EmulatorConfig(**settings)
    except ValueError as exc:
        raise InputError(f"emulator settings: {exc}") from None


@contextmanager
def local_emulator(config: EmulatorConfig) -> Iterator[Emulator]:
    """Serve the emulator on a free loopback port for the duration of the block."""
    try:
        from ..emulator import Emulator

        emulator = Emulator(config)
    except ImportError as exc:
        raise InputError(
            f"the built-in emulator needs extra packages ({exc.name} is missing): "
            "pip install 'browser-use-cloud[cli]'"
        ) from None
    with emulator:
        yield emulator


@contextmanager
def local_endpoint(config: EmulatorConfig, *, reason: str) -> Iterator[tuple[str, str]]:
    """(API key, base URL) of a built-in emulator, announced on stderr with `reason`."""
    with local_emulator(config) as emulator:
        click.echo(
            f"Using the built-in emulator at {emulator.base_url} ({reason}; "
            "nothing leaves this machine).",
            err=True,
        )
        yield LOCAL_API_KEY, emulator.base_url


def local_poll(step_interval: float) -> PollPolicy:
    """Poll a local emulator about twice per step, instead of every few seconds."""
    initial = max(step_interval / 2, 0.01)
    return PollPolicy(initial=initial, factor=1.5, max_interval=max(initial, 1.0))
