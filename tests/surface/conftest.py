"""The spec the wrapper derives from (``scripts/`` is on the test path: ``derive_surface``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """The project's openapi.json (the one the wrapper is derived from)."""
    document: dict[str, Any] = json.loads((REPO / "openapi.json").read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="session")
def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"]
    return found
