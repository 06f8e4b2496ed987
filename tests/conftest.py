"""Fixtures every test directory may use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec"


@pytest.fixture(scope="session")
def shared_spec_dir() -> Path:
    """``../shared/spec`` beside the repository: the published reference specs.

    Without it the tests that read them are skipped, except in CI (``CI=true``), where it must
    be present unless the run declares it absent with ``REFERENCE_SPECS=optional`` (GitHub's
    runners, which have only the repository).
    """
    if not SHARED_SPEC.is_dir():
        missing = f"the reference specs are missing: {SHARED_SPEC} does not exist"
        declared_absent = os.environ.get("REFERENCE_SPECS") == "optional"
        if os.environ.get("CI") == "true" and not declared_absent:
            pytest.fail(
                f"{missing}; CI runs with a copy of shared/ beside the clone "
                "(set REFERENCE_SPECS=optional where it cannot be)"
            )
        pytest.skip(missing)
    return SHARED_SPEC
