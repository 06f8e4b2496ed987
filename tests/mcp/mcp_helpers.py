"""Helpers for the tests that start the server as a subprocess."""

from __future__ import annotations

import os

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "test", "version": "1"},
    },
}
"""The first message of a session, for tests that speak raw HTTP or stdio."""

FAST_EMULATOR = {"BROWSER_USE_EMULATOR_STEP_INTERVAL": "0.05", "BROWSER_USE_EMULATOR_STEPS": "3"}


def server_env() -> dict[str, str]:
    """This environment without BROWSER_USE_* settings, with a quick built-in emulator."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROWSER_USE_")}
    return {**env, **FAST_EMULATOR}
