"""Every Python snippet in README.md runs against the emulator, unchanged."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_use_cloud.emulator import Emulator, EmulatorConfig

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SNIPPETS = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
FIXTURE_SNIPPETS = [s for s in SNIPPETS if "browser_use_emulator" in s]
SCRIPT_SNIPPETS = [s for s in SNIPPETS if s not in FIXTURE_SNIPPETS]


def _title(snippet: str) -> str:
    first = next(
        line for line in snippet.splitlines() if line and not line.startswith(("from", "import"))
    )
    return first[:40]


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(EmulatorConfig(step_interval=0.02, steps_per_task=4)) as running:
        yield running


def _env(base_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(BROWSER_USE_API_KEY="readme-key", BROWSER_USE_BASE_URL=base_url)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "wrapper"), str(ROOT / "generated"), env.get("PYTHONPATH", "")]
    )
    return env


def test_the_readme_has_the_tour() -> None:
    assert len(SCRIPT_SNIPPETS) >= 9 and len(FIXTURE_SNIPPETS) == 1


@pytest.mark.parametrize("snippet", SCRIPT_SNIPPETS, ids=_title)
def test_snippet_runs(snippet: str, emulator: Emulator, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", snippet],
        cwd=tmp_path,
        env=_env(emulator.base_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "every snippet prints what it shows"
    assert "Traceback" not in result.stderr


def test_fixture_snippet_runs_under_pytest(tmp_path: Path) -> None:
    (test_file := tmp_path / "test_users_code.py").write_text(FIXTURE_SNIPPETS[0])
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)],
        cwd=tmp_path,
        env=_env("unused"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
