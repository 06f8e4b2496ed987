"""Fixtures every test directory may use."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest
from parity_report import pytest_addoption as pytest_addoption  # --parity-report FILE
from parity_report import pytest_configure as pytest_configure

SHARED_SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec"
REPO = Path(__file__).resolve().parents[1]


@functools.cache
def load_spec() -> dict[str, Any]:
    """The repository's openapi.json (tests compare what the package does with it)."""
    spec: dict[str, Any] = json.loads((REPO / "openapi.json").read_text(encoding="utf-8"))
    return spec


def operations_of(spec: dict[str, Any]) -> Any:
    """The `Operations` a regen of `spec` would give (its table built in memory)."""
    import derive_operation_table

    from browser_use_cloud._operations import Operations

    return Operations(derive_operation_table.table(spec, derive_operation_table.load_limits()))


def shared_spec_path(name: str = "") -> Path:
    """``../shared/spec`` beside the repository, or the file `name` in it.

    Without it the tests that read it are skipped, except in CI (``CI=true``), where it must
    be present unless the run declares it absent with ``REFERENCE_SPECS=optional`` (GitHub's
    runners, which have only the repository).
    """
    path = SHARED_SPEC / name if name else SHARED_SPEC
    if not path.exists():
        missing = f"the reference material is missing: {path} does not exist"
        declared_absent = os.environ.get("REFERENCE_SPECS") == "optional"
        in_ci = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
        if in_ci and not declared_absent:
            pytest.fail(
                f"{missing}; CI runs with a copy of shared/ beside the clone "
                "(set REFERENCE_SPECS=optional where it cannot be)",
                pytrace=False,
            )
        pytest.skip(missing)
    return path


@pytest.fixture(scope="session")
def shared_spec_dir() -> Path:
    """``../shared/spec`` beside the repository: the published reference specs."""
    return shared_spec_path()
