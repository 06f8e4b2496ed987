"""`python scripts/regen.py` outside nox, without the generate tools, says to use the nox
sessions before doing anything (it failed with "unexpected ModuleNotFoundError")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regen

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("command", [["pull", "--path", "openapi.json"], ["check"]])
def test_missing_tools_point_to_the_nox_sessions(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(sys.modules, "openapi_spec_validator", None)  # not importable
    monkeypatch.setenv("PATH", str(ROOT / "no-such-bin"))  # no openapi-python-client
    before = sorted(path.name for path in ROOT.iterdir())
    assert regen.main(command) == 2
    said = capsys.readouterr().out
    assert "openapi-spec-validator and openapi-python-client not installed" in said
    assert "`nox -s regen`" in said and "`nox -s check_generated`" in said
    assert "unexpected" not in said and "FAILED" not in said
    assert sorted(path.name for path in ROOT.iterdir()) == before  # no scratch folder left
