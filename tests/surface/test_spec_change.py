"""After an optional spec change, the re-derived wrapper and the emulator follow it unedited.

The wrapper and generated packages are copied, `scripts/derive_surface.py` and
`scripts/derive_operation_table.py` re-derive them from the changed spec, and a fresh
interpreter runs `surface_change.CHECKS` on the copy against an emulator serving the
changed spec through the re-derived operation table (real HTTP on loopback).
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
import surface_change

REPO = Path(__file__).resolve().parents[2]


def _copy_package(source: Path, parent: Path) -> Path:
    target = parent / source.name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_optional_additions_need_no_hand_edit(tmp_path: Path, spec: dict[str, Any]) -> None:
    changed = tmp_path / "openapi.json"
    changed.write_text(json.dumps(surface_change.apply(spec)), encoding="utf-8")
    package = _copy_package(REPO / "wrapper" / "browser_use_cloud", tmp_path / "pkg")
    derive_surface.derive(changed, package)
    generated = _copy_package(REPO / "generated" / "browser_use_cloud_api", tmp_path / "gen")
    derive_operation_table.derive(changed, generated)
    options = (package / "_spec_options.py").read_text(encoding="utf-8")
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
