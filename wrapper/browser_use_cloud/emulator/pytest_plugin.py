"""pytest plugin: the ``browser_use_emulator`` fixture (a running :class:`Emulator`).

Configure it per test with the marker, whose keywords are EmulatorConfig fields, plus
``in_process`` (no socket: reach it with ``emulator.client()`` or ``emulator.transport()``)::

    @pytest.mark.browser_use_emulator(step_interval=0.01, steps_per_task=3)
    def test_x(browser_use_emulator): ...

Two ini options (pytest.ini, pyproject's ``[tool.pytest.ini_options]``) set the defaults:
``browser_use_emulator_in_process = true`` serves every test's emulator in-process, and
``browser_use_emulator_scope = session`` keeps one emulator per configuration for the whole
session, reset before each test (its tasks, files, schedules and counts forgotten; the same
seed gives the same ids again).

Nothing heavy is imported until the fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from browser_use_cloud.emulator import Emulator

SCOPE_INI = "browser_use_emulator_scope"
IN_PROCESS_INI = "browser_use_emulator_in_process"
SCOPES = ("function", "session")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        SCOPE_INI,
        "browser_use_emulator: 'function' (a new emulator per test, the default) or "
        "'session' (one per configuration, reset before each test)",
        default="function",
    )
    parser.addini(
        IN_PROCESS_INI,
        "browser_use_emulator: serve it in-process, with no socket (default false)",
        type="bool",
        default=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser_use_emulator(in_process=..., **config): EmulatorConfig fields for that fixture",
    )


class _SharedEmulators:
    """The session's emulators, one per configuration, stopped when the session ends."""

    def __init__(self) -> None:
        self.by_key: dict[str, Emulator] = {}

    def get(self, options: dict[str, Any], in_process: bool) -> Emulator:
        from browser_use_cloud.emulator import Emulator, EmulatorConfig

        key = repr((sorted(options.items()), in_process))
        emulator = self.by_key.get(key)
        if emulator is None:
            emulator = Emulator(EmulatorConfig(**options), in_process=in_process).start()
            self.by_key[key] = emulator
        else:
            emulator.reset()
        return emulator

    def stop(self) -> None:
        for emulator in self.by_key.values():
            emulator.stop()
        self.by_key.clear()


@pytest.fixture(scope="session")
def _browser_use_shared_emulators() -> Iterator[_SharedEmulators]:
    shared = _SharedEmulators()
    yield shared
    shared.stop()


@pytest.fixture
def browser_use_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A Browser Use Cloud emulator; ``.base_url`` ends in /api/v1, ``.client()`` is a
    `BrowserUse` for it (loopback HTTP, or the in-process transport)."""
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    marker = request.node.get_closest_marker("browser_use_emulator")
    options = dict(marker.kwargs) if marker is not None else {}
    in_process = bool(options.pop("in_process", request.config.getini(IN_PROCESS_INI)))
    scope = str(request.config.getini(SCOPE_INI)).strip() or "function"
    if scope not in SCOPES:
        raise pytest.UsageError(f"{SCOPE_INI} = {scope!r}: expected one of {', '.join(SCOPES)}")
    if scope == "session":
        shared: _SharedEmulators = request.getfixturevalue("_browser_use_shared_emulators")
        yield shared.get(options, in_process)
        return
    with Emulator(EmulatorConfig(**options), in_process=in_process) as emulator:
        yield emulator
