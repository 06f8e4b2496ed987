"""pytest plugin: the ``browser_use_emulator`` fixture (a running :class:`Emulator`).

Configure it per test with the marker, whose keywords are EmulatorConfig fields::

    @pytest.mark.browser_use_emulator(step_interval=0.01, steps_per_task=3)
    def test_x(browser_use_emulator): ...

Nothing heavy is imported until the fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from browser_use_cloud.emulator import Emulator


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser_use_emulator(**config): EmulatorConfig fields for that fixture",
    )


@pytest.fixture
def browser_use_emulator(request: pytest.FixtureRequest) -> Iterator[Emulator]:
    """A Browser Use Cloud emulator on a free loopback port; ``.base_url`` ends in /api/v1."""
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    marker = request.node.get_closest_marker("browser_use_emulator")
    options = dict(marker.kwargs) if marker is not None else {}
    with Emulator(EmulatorConfig(**options)) as emulator:
        yield emulator
