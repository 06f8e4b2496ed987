"""Load ``scripts/derive_surface.py`` as ``derive_surface``; the spec the wrapper derives from."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

if "derive_surface" not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        "derive_surface", REPO / "scripts" / "derive_surface.py"
    )
    assert _spec is not None and _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["derive_surface"] = _module
    _spec.loader.exec_module(_module)


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """The project's openapi.json (the one the wrapper is derived from)."""
    document: dict[str, Any] = json.loads((REPO / "openapi.json").read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="session")
def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"]
    return found
