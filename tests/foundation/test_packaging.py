"""The sdist builds, a wheel built from it installs into a fresh venv, and both packages import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.pipeline  # `nox -s pipeline`; a plain pytest leaves it out

ROOT = Path(__file__).resolve().parents[2]


def spec_operations() -> int:
    """How many operations the repository's openapi.json has (a regen changes the number)."""
    spec = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    return sum(len(item) for item in spec["paths"].values())  # counted as IMPORT_CHECK does


IMPORT_CHECK = """
import importlib.resources, json
import browser_use_cloud, browser_use_cloud_api
from browser_use_cloud_api.api.tasks import get_task
packaged = importlib.resources.files("browser_use_cloud").joinpath("_openapi.json")
spec = json.loads(packaged.read_text())
operations = sum(len(item) for item in spec["paths"].values())
print(browser_use_cloud.__name__, browser_use_cloud_api.__name__, operations)
"""


def test_sdist_and_wheel_install_into_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (sdist,) = dist.glob("browser_use_cloud-*.tar.gz")
    (wheel,) = dist.glob("browser_use_cloud-*.whl")
    assert sdist.stat().st_size > 0

    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    clean_env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [str(python), "-c", IMPORT_CHECK],
        capture_output=True,
        text=True,
        env=clean_env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    packaged = ["browser_use_cloud", "browser_use_cloud_api", str(spec_operations())]
    assert result.stdout.split() == packaged  # the wheel carries the spec it was built from

    installed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.lower()
    for optional in ("starlette", "uvicorn", "click", "rich", "pydantic"):
        assert f"{optional}==" not in installed, f"{optional} is not a core dependency"
