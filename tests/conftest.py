"""Fixtures every test directory may use."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from parity_report import pytest_addoption as pytest_addoption  # --parity-report FILE
from parity_report import pytest_configure as pytest_configure

from tests import reference_material

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def load_spec() -> dict[str, Any]:
    """The repository's openapi.json (tests compare what the package does with it)."""
    spec: dict[str, Any] = json.loads((REPO / "openapi.json").read_text(encoding="utf-8"))
    return spec


def operations_of(spec: dict[str, Any]) -> Any:
    """The `Operations` a regen of `spec` would give (its table built in memory)."""
    import derive_operation_table

    from browser_use_cloud._spec.operations import Operations

    return Operations(derive_operation_table.table(spec, derive_operation_table.load_limits()))


@pytest.fixture(scope="session")
def shared_spec_dir() -> Path:
    """``../shared/spec`` beside the repository: the published reference specs."""
    return reference_material.shared_spec_path()
