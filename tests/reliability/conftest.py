"""Fixtures: a recording loopback server (and one on another loopback address), a transport
that must never be used. The helpers themselves are in reliability_helpers.py. The soak
package lives at the repository root."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.reliability_helpers import NoRequests, RecordingServer

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # `import soak` (the soak runner is not an installed package)


@pytest.fixture
def recording_server() -> Iterator[RecordingServer]:
    server = RecordingServer()
    yield server
    server.close()


@pytest.fixture
def other_host() -> Iterator[RecordingServer]:
    """A second server on another loopback address (another host as far as HTTP goes)."""
    server = RecordingServer(host="127.0.0.2")
    yield server
    server.close()


@pytest.fixture
def no_requests() -> NoRequests:
    return NoRequests()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
