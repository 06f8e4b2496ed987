"""A local emulator of the Browser Use Cloud API v1 (extra ``[emulator]``).

    from browser_use_cloud.emulator import Emulator, EmulatorConfig
    with Emulator(EmulatorConfig(seed=1)) as emu:  # a step every 0.05 s, reproducible
        client = BrowserUse(api_key="any", base_url=emu.base_url)
    with Emulator(in_process=True) as emu, emu.client() as client:  # no socket, ~1 ms
        client.tasks.run("Find the capital of Peru")

Task text directives make every outcome on purpose: ``[[emulator:fail]]``,
``[[emulator:steps=N]]``, ``[[emulator:files=a.txt,b.csv]]``, ``[[emulator:instant]]``,
``[[emulator:output=TEXT]]``, ``[[emulator:invalid_output]]``,
``[[emulator:concurrency_limit=N]]``, ``[[emulator:no_credits]]``,
``[[emulator:stopped_at=N]]``, ``[[emulator:paused_at=N]]``, ``[[emulator:slow_create=S]]``
(the emulator guide has the table); a run that needs more steps than its
``max_agent_steps`` fails at that limit, saying why. Imports are lazy, so importing this
package (or its pytest plugin) costs nothing until a name is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import create_app
    from ._config import EmulatorConfig
    from ._faults import FaultSpec
    from ._runner import Emulator, serve
    from ._state import State
    from ._transport import AsyncInProcessTransport, InProcessTransport

__all__ = [
    "AsyncInProcessTransport",
    "Emulator",
    "EmulatorConfig",
    "FaultSpec",
    "InProcessTransport",
    "State",
    "create_app",
    "serve",
]

_HOMES = {
    "Emulator": "._runner",
    "serve": "._runner",
    "EmulatorConfig": "._config",
    "FaultSpec": "._faults",
    "State": "._state",
    "create_app": "._app",
    "InProcessTransport": "._transport",
    "AsyncInProcessTransport": "._transport",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
