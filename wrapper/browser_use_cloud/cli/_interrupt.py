"""Ctrl-C while following a task: the first stops the remote task, a second leaves at once."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from .._exceptions import BrowserUseError
from ._errors import EXIT_INTERRUPTED, Subject, describe
from ._output import echo

if TYPE_CHECKING:
    from .. import TaskHandle


def _leave_now(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"\nInterrupted again: leaving now; the task may still be running.\n")
    os._exit(EXIT_INTERRUPTED)


def _first_interrupt(signum: int, frame: FrameType | None) -> None:
    # Swap handlers here, not after unwinding: a second Ctrl-C during cleanup leaves at once.
    signal.signal(signal.SIGINT, _leave_now)
    raise KeyboardInterrupt


def _stop(handle: TaskHandle[Any]) -> NoReturn:
    try:
        handle.stop()
    except BrowserUseError as exc:
        message, _ = describe(exc, Subject())
        echo(f"Interrupted; could not stop task {handle.id}: {message}", err=True)
    else:
        echo(f"Interrupted: task {handle.id} was stopped.", err=True)
    sys.exit(EXIT_INTERRUPTED)


@contextmanager
def stop_on_interrupt(handle: TaskHandle[Any]) -> Iterator[None]:
    """In the block, Ctrl-C stops the task, prints one line and exits 130."""
    previous = signal.signal(signal.SIGINT, _first_interrupt)
    try:
        yield
    except KeyboardInterrupt:
        _stop(handle)
    finally:
        signal.signal(signal.SIGINT, previous or signal.default_int_handler)
