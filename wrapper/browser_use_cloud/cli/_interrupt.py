"""Ctrl-C while creating or following a task: the first stops the remote task (once it
exists), a second leaves at once."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from .._exceptions import BrowserUseError
from .._models import TaskStatus
from ._errors import EXIT_INTERRUPTED, Subject, describe
from ._output import echo

if TYPE_CHECKING:
    from .. import TaskHandle


def _leave_now(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"\nInterrupted again: leaving now; the task may still be running.\n")
    os._exit(EXIT_INTERRUPTED)


def _stop(handle: TaskHandle[Any]) -> NoReturn:
    try:
        handle.stop()
    except BrowserUseError as exc:
        try:  # the SDK may have stopped it already, or it ended meanwhile
            status = handle.status()
        except BrowserUseError:
            status = None
        if status is None or not status.is_terminal:
            message, _ = describe(exc, Subject())
            echo(f"Interrupted; could not stop task {handle.id}: {message}", err=True)
        elif status != TaskStatus.STOPPED:
            echo(f"Interrupted: task {handle.id} had already ended ({status}).", err=True)
        else:
            echo(f"Interrupted: task {handle.id} was stopped.", err=True)
    else:
        echo(f"Interrupted: task {handle.id} was stopped.", err=True)
    sys.exit(EXIT_INTERRUPTED)


class InterruptGuard:
    """Ctrl-C before the task exists is held until its creation is answered (the request
    must not be cut: the service would run a task whose id nobody saw); then it is stopped."""

    def __init__(self, handle: TaskHandle[Any] | None) -> None:
        self.handle = handle
        self.pending = False
        """A Ctrl-C came while the task was being created."""

    def on_sigint(self, signum: int, frame: FrameType | None) -> None:
        # Swap handlers here, not after unwinding: a second Ctrl-C during cleanup leaves at once.
        signal.signal(signal.SIGINT, _leave_now)
        if self.handle is not None:
            raise KeyboardInterrupt
        self.pending = True
        os.write(
            2,
            b"\nInterrupted: the task is being created; it is stopped as soon as its id "
            b"is known (Ctrl-C again to leave now).\n",
        )

    def created(self, handle: TaskHandle[Any]) -> None:
        """The task exists: stop it now if Ctrl-C came meanwhile."""
        self.handle = handle
        if self.pending:
            _stop(handle)


@contextmanager
def stop_on_interrupt(handle: TaskHandle[Any] | None = None) -> Iterator[InterruptGuard]:
    """In the block, Ctrl-C stops the task, prints one line and exits 130. Without
    `handle`, call `created(handle)` on the guard once the task exists."""
    guard = InterruptGuard(handle)
    previous = signal.signal(signal.SIGINT, guard.on_sigint)
    try:
        yield guard
    except KeyboardInterrupt:
        if guard.handle is None:
            raise
        _stop(guard.handle)
    except BrowserUseError as exc:
        if not guard.pending:
            raise
        message, _ = describe(exc, Subject())  # an unconfirmed creation names its request id
        echo(f"Interrupted; the task was not created: {message}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGINT, previous or signal.default_int_handler)
