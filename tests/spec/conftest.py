"""Load ``scripts/spec_diff.py`` as the module ``spec_diff``; fixtures for the specs it reads."""

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_SPEC = REPO.parent / "shared" / "spec"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

if "spec_diff" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("spec_diff", REPO / "scripts" / "spec_diff.py")
    assert _spec is not None and _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["spec_diff"] = _module
    _spec.loader.exec_module(_module)


def _read(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _reference(name: str) -> dict[str, Any]:
    if not SHARED_SPEC.is_dir():
        pytest.skip(f"reference specs not present: {SHARED_SPEC} does not exist")
    return _read(SHARED_SPEC / name)


@pytest.fixture(scope="session")
def script() -> Path:
    return REPO / "scripts" / "spec_diff.py"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shared_spec_dir() -> Path:
    if not SHARED_SPEC.is_dir():
        pytest.skip(f"reference specs not present: {SHARED_SPEC} does not exist")
    return SHARED_SPEC


@pytest.fixture(scope="session")
def june() -> dict[str, Any]:
    return _reference("v1-2025-06.openapi.json")


@pytest.fixture(scope="session")
def july() -> dict[str, Any]:
    return _reference("v1-2025-07-29.openapi.json")


@pytest.fixture(scope="session")
def ours() -> dict[str, Any]:
    path = REPO / "openapi.json"
    assert path.is_file(), f"the project's own spec is missing: {path}"
    return _read(path)


@pytest.fixture(scope="session")
def fixture_pair() -> tuple[dict[str, Any], dict[str, Any]]:
    return _read(FIXTURES / "old.json"), _read(FIXTURES / "new.json")
