"""A client that gives up on a slowed request is not a server error.

With the documented ``slow`` fault and a client timeout shorter than ``slow_seconds`` the
client disconnects before the emulator reads the request. The emulator must let it go
quietly: no ``Exception in ASGI application`` and no traceback on stderr or in the logs,
which a user reads as "the emulator crashed".
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import httpx
import pytest

from browser_use_cloud import BrowserUse
from browser_use_cloud.emulator import Emulator, EmulatorConfig

AUTH = {"Authorization": "Bearer test"}


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def server_log() -> Iterator[list[logging.LogRecord]]:
    """What uvicorn logs (its loggers do not propagate to the root, so caplog misses them)."""
    handler = Records()
    logger = logging.getLogger("uvicorn.error")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def test_a_client_timing_out_during_a_slow_fault_leaves_no_traceback(
    capfd: pytest.CaptureFixture[str], server_log: list[logging.LogRecord]
) -> None:
    # seed 1 slows the first request: a run-task, whose body is read only after the wait
    config = EmulatorConfig(seed=1, faults="slow=0.3,slow_seconds=0.3")
    with Emulator(config) as emulator:
        http = httpx.Client(base_url=emulator.base_url, headers=AUTH, timeout=0.25)
        with http, pytest.raises(httpx.ReadTimeout):
            http.post("/run-task", json={"task": "Find the capital of Peru"})
        assert emulator.fault_counts == {"slow": 1}
    # leaving the block waited for the slowed request to be handled
    err = capfd.readouterr().err
    assert "Exception in ASGI application" not in err, err
    assert "Traceback" not in err and "ClientDisconnect" not in err, err
    assert [r.getMessage() for r in server_log if r.levelno >= logging.WARNING] == []


def test_a_client_that_retries_past_slow_faults_gets_its_upload_and_a_quiet_server(
    capfd: pytest.CaptureFixture[str], server_log: list[logging.LogRecord]
) -> None:
    """The guides' pattern: a client timeout shorter than the slow fault, and retries (an
    upload: both of its requests are safe to send again)."""
    config = EmulatorConfig(seed=1, faults="slow=0.3")  # the first request is slowed
    with Emulator(config) as emulator:
        with BrowserUse(
            api_key="test", base_url=emulator.base_url, timeout=0.25, max_retries=10
        ) as client:
            name = client.files.upload(io.BytesIO(b"a,b\n1,2\n"), name="table.csv")
        assert emulator.fault_counts.get("slow", 0) > 0
        assert emulator.state.store.get(f"uploads/{name}") == b"a,b\n1,2\n"
    err = capfd.readouterr().err
    assert "Exception in ASGI application" not in err and "Traceback" not in err, err
    assert [r.getMessage() for r in server_log if r.levelno >= logging.WARNING] == []
