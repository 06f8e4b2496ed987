"""One set of nox virtualenvs for the tests that run sessions on copies of the tree."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def nox_envdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by every copied tree, so the generator and the project install once."""
    return tmp_path_factory.mktemp("nox-envs")
