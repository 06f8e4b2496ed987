"""Finish a request that must not be cut short (run-task), even when the caller is
interrupted meanwhile; then undo what it did, and let the interruption go on.

Cutting run-task mid-way would leave a task running, billed, its id never known. So:

- `AsyncShield.finish(call, undo)`: the call runs to its end in its own asyncio task while
  the caller is cancelled (a task's `cancel()`, a cancel scope, asyncio's Ctrl-C); then
  `undo(result)` runs, shielded, and the cancellation is raised again, with the note
  `undo` returns added. A second `cancel()` of the caller leaves at once.
- `Shield.finish(call, undo)`: in the main thread, while Python's own SIGINT handler is
  installed, a Ctrl-C is held until the call returns; then `undo(result)` runs and
  KeyboardInterrupt is raised (with the note). A second Ctrl-C raises at once. Elsewhere
  (other threads, a program with its own SIGINT handler) the call runs as it is.

`interruptions()` names the exceptions that mean "the caller was interrupted", and
`cleanup(seconds)` is the block in which to undo after one (shielded, time-bounded).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Awaitable, Callable
from types import FrameType
from typing import TypeVar

T = TypeVar("T")


class AsyncShield:
    """Interruption handling for async code (asyncio, or another anyio backend)."""

    @staticmethod
    def interruptions() -> tuple[type[BaseException], ...]:
        import anyio

        return (anyio.get_cancelled_exc_class(), KeyboardInterrupt)

    @staticmethod
    def cleanup(seconds: float) -> contextlib.AbstractContextManager[object]:
        """A block that runs (for at most `seconds`) while the task is being cancelled."""
        import anyio

        return anyio.move_on_after(seconds, shield=True)

    @staticmethod
    async def finish(call: Callable[[], Awaitable[T]], undo: Callable[[T], Awaitable[str]]) -> T:
        import anyio
        import sniffio

        if sniffio.current_async_library() != "asyncio":
            with anyio.CancelScope(shield=True):
                result = await call()
            try:
                await anyio.lowlevel.checkpoint_if_cancelled()
            except anyio.get_cancelled_exc_class() as exc:
                with anyio.CancelScope(shield=True):
                    exc.add_note(await undo(result))
                raise
            return result
        import asyncio

        async def run() -> T:
            return await call()

        inner = asyncio.ensure_future(run())
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError as exc:
            with anyio.CancelScope(shield=True):  # a cancel scope would cancel us again
                try:
                    result = await inner
                except Exception as error:  # nothing to undo; the cancellation goes on
                    raise exc from error
                exc.add_note(await undo(result))
            raise


class Shield:
    """Interruption handling for sync code: Ctrl-C (KeyboardInterrupt)."""

    @staticmethod
    def interruptions() -> tuple[type[BaseException], ...]:
        return (KeyboardInterrupt,)

    @staticmethod
    def cleanup(seconds: float) -> contextlib.AbstractContextManager[object]:
        """Nothing cancels a thread: the block runs as it is."""
        return contextlib.nullcontext()

    @staticmethod
    def finish(call: Callable[[], T], undo: Callable[[T], str]) -> T:
        if (
            threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        ):
            return call()
        held: list[int] = []

        def hold(signum: int, frame: FrameType | None) -> None:
            if held:
                raise KeyboardInterrupt  # a second Ctrl-C: leave now
            held.append(signum)

        signal.signal(signal.SIGINT, hold)
        try:
            result = call()
        except Exception as error:
            if held:  # no task to undo; the error says whether one may exist
                raise KeyboardInterrupt from error
            raise
        finally:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if held:
            interrupt = KeyboardInterrupt()
            interrupt.add_note(undo(result))
            raise interrupt
        return result
