"""An async request imports nothing: no module lookup on the hot path.

httpcore asks `import sniffio` each time it makes a lock, an event or a semaphore (several
per request) and falls back to asyncio when the import fails; Python does not remember a
failed import, so without sniffio every request searched `sys.path` a dozen times (a third
of the client's CPU in `tasks.map` of 1,000 tasks). sniffio is a dependency for that reason;
this test fails if it goes missing or if anything else starts importing per request.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

from browser_use_cloud import AsyncBrowserUse
from browser_use_cloud.emulator import Emulator


class _Recorder(importlib.abc.MetaPathFinder):
    """Sees every import that reaches the finders (those not already in sys.modules)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        self.names.append(fullname)
        return None


@pytest.mark.anyio
async def test_async_requests_look_up_no_module() -> None:
    with Emulator() as emu:
        async with AsyncBrowserUse(
            api_key="k", base_url=emu.base_url, max_requests_per_second=None
        ) as client:
            created = await client.tasks.create("Warm up [[emulator:instant]]")
            await client.tasks.get(created.id)  # first uses import what they need
            await client.tasks.status(created.id)
            recorder = _Recorder()
            sys.meta_path.insert(0, recorder)
            try:
                for _ in range(5):
                    await client.tasks.get(created.id)
                    await client.tasks.status(created.id)
            finally:
                sys.meta_path.remove(recorder)
    assert recorder.names == []
