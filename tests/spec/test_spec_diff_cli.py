"""The script as the regeneration job runs it: a subprocess, exit codes 0/1/2, --json."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def run(script: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    # -S: no site-packages, so the script must get by on the standard library alone.
    command = [sys.executable, "-S", str(script), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_breaking_changes_exit_1(script: Path, fixtures_dir: Path) -> None:
    result = run(script, fixtures_dir / "old.json", fixtures_dir / "new.json")
    assert result.returncode == 1, result.stderr
    assert "BREAKING (37)" in result.stdout
    assert "operation-removed (1)\n    DELETE /items/{item_id}" in result.stdout


def test_allow_breaking_exits_0(script: Path, fixtures_dir: Path) -> None:
    result = run(script, fixtures_dir / "old.json", fixtures_dir / "new.json", "--allow-breaking")
    assert result.returncode == 0, result.stderr
    assert "BREAKING (37)" in result.stdout


def test_identical_specs_exit_0(script: Path, fixtures_dir: Path) -> None:
    result = run(script, fixtures_dir / "old.json", fixtures_dir / "old.json")
    assert result.returncode == 0, result.stderr
    assert "No structural changes." in result.stdout


def test_only_non_breaking_changes_exit_0(script: Path, tmp_path: Path) -> None:
    old = {"openapi": "3.1.0", "paths": {}}
    new = {"openapi": "3.1.0", "paths": {"/ping": {"get": {"operationId": "ping"}}}}
    result = run(script, write(tmp_path / "a.json", old), write(tmp_path / "b.json", new))
    assert result.returncode == 0, result.stderr
    assert "operation-added (1)\n    GET /ping: operationId ping" in result.stdout


def test_json_report_parses(script: Path, fixtures_dir: Path) -> None:
    result = run(script, fixtures_dir / "old.json", fixtures_dir / "new.json", "--json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["counts"] == {"breaking": 37, "non_breaking": 25}
    assert len(payload["breaking"]) == 37 and len(payload["non_breaking"]) == 25
    assert set(payload["breaking"][0]) == {"kind", "location", "detail", "side"}
    assert {
        "kind": "schema-removed",
        "location": "Gone",
        "detail": "schema removed",
        "side": "",
    } in payload["breaking"]


def test_reference_specs_exit_1_and_json_counts(script: Path, shared_spec_dir: Path) -> None:
    june = shared_spec_dir / "v1-2025-06.openapi.json"
    july = shared_spec_dir / "v1-2025-07-29.openapi.json"
    result = run(script, june, july, "--json")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["counts"] == {"breaking": 2, "non_breaking": 56}
    assert run(script, july, july).returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "not valid JSON (Expecting property name"),
        ("[1, 2]", "not an OpenAPI document"),
        ('{"openapi": "3.1.0", "paths": []}', "paths: expected an object"),
    ],
)
def test_unusable_input_exits_2(
    script: Path, fixtures_dir: Path, tmp_path: Path, content: str | None, message: str
) -> None:
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = run(script, fixtures_dir / "old.json", bad)
    assert result.returncode == 2
    assert message in result.stderr
    assert str(bad) in result.stderr
    assert result.stdout == ""


def test_missing_arguments_exit_2(script: Path) -> None:
    result = run(script, "only-one.json")
    assert result.returncode == 2
    assert "usage:" in result.stderr
