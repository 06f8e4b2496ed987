"""`nox -s check_generated` passes on a clean tree and names every tampered file."""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_copies import copy_tree, run_nox

pytestmark = [pytest.mark.pipeline, pytest.mark.regen_loop]  # nox sessions on tree copies

PACKAGE = "generated/browser_use_cloud_api"


def test_passes_on_clean_tree(tmp_path: Path, nox_envdir: Path) -> None:
    tree = copy_tree(tmp_path)
    result = run_nox(tree, nox_envdir, "check_generated")
    assert result.returncode == 0, result.stdout
    assert f"{PACKAGE}, " in result.stdout and " match openapi.json" in result.stdout


def test_fails_naming_edited_added_and_removed_files(tmp_path: Path, nox_envdir: Path) -> None:
    tree = copy_tree(tmp_path)
    package = tree / PACKAGE
    with (package / "api" / "tasks" / "get_task.py").open("a") as edited:
        edited.write("# edited by hand\n")
    (package / "models" / "hand_written.py").write_text("X = 1\n")
    (package / "models" / "llm_model.py").unlink()

    result = run_nox(tree, nox_envdir, "check_generated")
    assert result.returncode != 0
    assert f"changed: {PACKAGE}/api/tasks/get_task.py" in result.stdout
    assert "+# edited by hand" in result.stdout
    assert f"added (not generated): {PACKAGE}/models/hand_written.py" in result.stdout
    assert f"removed (generated, not committed): {PACKAGE}/models/llm_model.py" in result.stdout
    assert "run `nox -s regen -- --path openapi.json`" in result.stdout
