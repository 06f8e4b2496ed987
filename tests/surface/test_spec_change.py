"""After an optional spec change, the rebuilt packages and the emulator follow it unedited.

The wrapper package is copied and the generated client is generated again from the changed
spec (its models are the wrapper's result types); `scripts/derive_surface.py` and
`scripts/derive_operation_table.py` re-derive them, and a fresh interpreter runs
`surface_change.CHECKS` on the copies against an emulator serving the changed spec through
the re-derived operation table (real HTTP on loopback). Needs openapi-python-client (the
`generate` dependency group); skipped without it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import derive_operation_table
import derive_surface
import pytest
import regen
import surface_change

REPO = Path(__file__).resolve().parents[2]


def _copy_package(source: Path, parent: Path) -> Path:
    target = parent / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_optional_additions_need_no_hand_edit(
    tmp_path: Path, spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", os.pathsep.join([tools, os.environ.get("PATH", "")]))
    if shutil.which(regen.GENERATOR) is None:
        pytest.skip("openapi-python-client is not installed (the `generate` dependency group)")
    changed = tmp_path / "openapi.json"
    changed.write_text(json.dumps(surface_change.apply(spec)), encoding="utf-8")
    package = _copy_package(REPO / "wrapper" / "browser_use_cloud", tmp_path / "pkg")
    derive_surface.derive(changed, package)
    regen.generate_client(tmp_path)  # writes tmp_path/generated/browser_use_cloud_api
    generated = tmp_path / "generated" / "browser_use_cloud_api"
    derive_operation_table.derive(changed, generated)
    options = (package / "_spec" / "options.py").read_text(encoding="utf-8")
    assert "flash_mode: bool | None" in options  # typed where a type checker sees it
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(package.parent), str(generated.parent), os.environ.get("PYTHONPATH", "")]
        ),
        "BROWSER_USE_EMULATOR_OPENAPI": str(changed),
    }
    finished = subprocess.run(
        [sys.executable, "-c", surface_change.CHECKS, str(package.parent)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert finished.stdout.strip().endswith("OK"), finished.stdout
