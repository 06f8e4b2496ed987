"""Fixtures for the specs ``scripts/spec_diff.py`` reads (pytest puts scripts/ on the path)."""

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _read(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@pytest.fixture(scope="session")
def script() -> Path:
    return REPO / "scripts" / "spec_diff.py"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def june(shared_spec_dir: Path) -> dict[str, Any]:
    return _read(shared_spec_dir / "v1-2025-06.openapi.json")


@pytest.fixture(scope="session")
def july(shared_spec_dir: Path) -> dict[str, Any]:
    return _read(shared_spec_dir / "v1-2025-07-29.openapi.json")


@pytest.fixture(scope="session")
def fixture_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    return _read(FIXTURES / "old.json"), _read(FIXTURES / "new.json")
