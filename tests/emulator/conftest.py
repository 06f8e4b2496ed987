"""Shared fixtures: a running emulator and a client that checks every answer against the spec."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import httpx
import jsonschema
import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig
from browser_use_cloud.emulator._spec import Operation, operations, response_schema
from tests.reference_material import shared_spec_path

FAST = {"step_interval": 0.02, "steps_per_task": 4}
VENDOR_DOCS = "cloud-api-v1-docs.txt"
OPERATIONS = {op.name: op for op in operations()}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string", "minLength": 1}},
}

_formats = jsonschema.FormatChecker()


@_formats.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


def check_against_spec(op: Operation, response: httpx.Response) -> None:
    """Assert that a response body matches what openapi.json declares for it."""
    schema = response_schema(op, response.status_code)
    if schema is None:
        assert response.status_code in (401, 402, 404, 409), response.text
        schema = ERROR_SCHEMA
        if op.name == "me":
            schema = {"const": False}
    jsonschema.Draft202012Validator(schema, format_checker=_formats).validate(response.json())


def vendor_docs() -> str:
    """The vendor docs, from ``../shared/spec`` beside the repository (``shared_spec_path``
    says when they may be missing)."""
    return shared_spec_path(VENDOR_DOCS).read_text(encoding="utf-8")


class Api:
    """Calls operations by name over real HTTP and validates every answer against the spec."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None = "test-key",
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.http = httpx.Client(
            base_url=base_url, headers=headers, timeout=10, transport=transport
        )
        self.seen: list[tuple[str, int]] = []

    def call(
        self,
        name: str,
        path: dict[str, str] | None = None,
        *,
        expect: int | None = 200,
        **kwargs: Any,
    ) -> httpx.Response:
        op = OPERATIONS.get(name)
        if op is None:
            raise KeyError(name)
        url = op.path.removeprefix("/api/v1").format(**(path or {}))
        response = self.http.request(op.method, url, **kwargs)
        check_against_spec(op, response)
        self.seen.append((name, response.status_code))
        if expect is not None:
            assert response.status_code == expect, response.text
        return response

    def json(self, name: str, path: dict[str, str] | None = None, **kwargs: Any) -> Any:
        return self.call(name, path, **kwargs).json()

    def run(self, task: str, **fields: Any) -> str:
        task_id: str = self.json("run_task", json={"task": task, **fields})["id"]
        return task_id

    def status(self, task_id: str) -> str:
        status: str = self.json("get_task_status", {"task_id": task_id})
        return status

    def wait(self, task_id: str, until: Callable[[str], bool], timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            status = self.status(task_id)
            if until(status):
                return status
            assert time.monotonic() < deadline, f"task stuck in {status}"
            time.sleep(0.01)

    def finish(self, task_id: str) -> dict[str, Any]:
        self.wait(task_id, lambda s: s in ("finished", "failed", "stopped"))
        task: dict[str, Any] = self.json("get_task", {"task_id": task_id})
        return task


@pytest.fixture(scope="session")
def shared_emulator() -> Iterator[Emulator]:
    """One emulator with the FAST settings for tests that need nothing special."""
    with Emulator(EmulatorConfig(**FAST)) as emu:
        yield emu


@pytest.fixture
def emulator(request: pytest.FixtureRequest, shared_emulator: Emulator) -> Iterator[Emulator]:
    """A running emulator: the shared one, or a fresh one for ``emulator_config(...)``."""
    marker = request.node.get_closest_marker("emulator_config")
    if marker is None:
        yield shared_emulator
        return
    with Emulator(EmulatorConfig(**{**FAST, **marker.kwargs})) as emu:
        yield emu


@pytest.fixture(scope="session")
def shared_api(shared_emulator: Emulator) -> Iterator[Api]:
    client = Api(shared_emulator.base_url)
    yield client
    client.http.close()


@pytest.fixture
def api(emulator: Emulator, shared_emulator: Emulator, shared_api: Api) -> Iterator[Api]:
    """A spec-checking client for ``emulator`` (clients are costly: reuse the shared one)."""
    if emulator is shared_emulator:
        yield shared_api
        return
    client = Api(emulator.base_url)
    yield client
    client.http.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "emulator_config(**fields): EmulatorConfig for `emulator`")
