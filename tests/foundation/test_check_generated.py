"""`nox -s check_generated` passes on a clean tree and names every tampered file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = Path("generated/browser_use_cloud_api")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tree")


def _copy_tracked_tree(destination: Path) -> None:
    """Copy the files git tracks, as they are in the work tree (no .nox, no caches)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        source = ROOT / raw.decode()
        if source.is_file():
            target = destination / raw.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _check_generated(tree: Path, envdir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nox", "-s", "check_generated", "--envdir", str(envdir)],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def envdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nox-envs")


def test_passes_on_clean_tree(tmp_path: Path, envdir: Path) -> None:
    _copy_tracked_tree(tmp_path)
    result = _check_generated(tmp_path, envdir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "generated/ matches openapi.json" in result.stdout + result.stderr


def test_fails_naming_edited_added_and_removed_files(tmp_path: Path, envdir: Path) -> None:
    _copy_tracked_tree(tmp_path)
    package = tmp_path / GENERATED
    with (package / "api" / "tasks" / "get_task.py").open("a") as edited:
        edited.write("# edited by hand\n")
    (package / "models" / "hand_written.py").write_text("X = 1\n")
    (package / "models" / "url_response.py").unlink()

    result = _check_generated(tmp_path, envdir)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "changed: api/tasks/get_task.py" in output
    assert "+# edited by hand" in output
    assert "added (not generated): models/hand_written.py" in output
    assert "removed (generated, not committed): models/url_response.py" in output
