"""Fixtures every test directory may use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec"


@pytest.fixture(scope="session")
def shared_spec_dir() -> Path:
    """``../shared/spec`` beside the repository: the published reference specs.

    Without it the tests that read them are skipped, except in CI, where it must be present.
    """
    if not SHARED_SPEC.is_dir():
        missing = f"the reference specs are missing: {SHARED_SPEC} does not exist"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}; CI runs with a copy of shared/ beside the clone")
        pytest.skip(missing)
    return SHARED_SPEC
