"""The code blocks of a Markdown file, and how to run them against the emulator.

Used by tests/readme (README.md) and tests/docs (docs/). A ```python block runs as a script,
or under pytest when it is a test using the `browser_use_emulator` fixture; a ```console block
runs in bash, one command a line, stopping at the first failure. Both reach the emulator
through BROWSER_USE_API_KEY and BROWSER_USE_BASE_URL, in a fresh working directory.

A block that cannot run here is preceded by a comment saying why, which the test prints
when it skips the block:

    <!-- not-run: needs the real service (an API key and the network) -->
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from browser_use_cloud.emulator import Emulator, EmulatorConfig

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)
NOT_RUN = re.compile(r"<!--\s*not-run:\s*(.+?)\s*-->\s*$")
LANGUAGES = ("python", "console")


@dataclass(frozen=True)
class Block:
    """One fenced code block: where it is, its language and code, and why it is not run."""

    path: Path
    line: int
    language: str
    code: str
    not_run: str | None

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"

    @property
    def is_pytest(self) -> bool:
        return self.language == "python" and "browser_use_emulator" in self.code

    def __str__(self) -> str:
        return self.id


def blocks(path: Path, languages: tuple[str, ...] = LANGUAGES) -> list[Block]:
    """The `languages` blocks of the Markdown file at `path`, in order."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if match.group(1) not in languages:
            continue
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        reason = NOT_RUN.search(before)
        found.append(
            Block(
                path=path,
                line=text.count("\n", 0, match.start()) + 1,
                language=match.group(1),
                code=match.group(2),
                not_run=reason.group(1) if reason else None,
            )
        )
    return found


@contextmanager
def running_emulator() -> Iterator[Emulator]:
    """The emulator the blocks talk to: fast steps, four per task."""
    with Emulator(EmulatorConfig(step_interval=0.02, steps_per_task=4)) as emulator:
        yield emulator


def _env(base_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(BROWSER_USE_API_KEY="snippet-key", BROWSER_USE_BASE_URL=base_url)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "wrapper"), str(ROOT / "generated"), env.get("PYTHONPATH", "")]
    )
    # the console blocks' `browser-use-cloud` is the one installed next to this interpreter
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def run(block: Block, base_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `block` in `cwd` against the emulator at `base_url`."""
    if block.is_pytest:
        (cwd / "test_users_code.py").write_text(block.code, encoding="utf-8")
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "."]
    elif block.language == "python":
        command = [sys.executable, "-c", block.code]
    else:
        command = ["bash", "-e", "-o", "pipefail", "-c", block.code]
    env = _env(base_url)
    # `config set` in a block writes here, not in the user's config directory
    env["BROWSER_USE_CONFIG"] = str(cwd / ".config" / "browser-use-cloud" / "config.toml")
    env.pop("BROWSER_USE_PROFILE", None)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def check_ran(block: Block, result: subprocess.CompletedProcess[str]) -> None:
    """Assert that `block` ran cleanly and showed something."""
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{block.id} exited {result.returncode}:\n{output}"
    assert "Traceback" not in result.stderr, f"{block.id}:\n{result.stderr}"
    if block.is_pytest:
        assert re.search(r"\b[1-9]\d* passed\b", result.stdout), output
        assert " failed" not in result.stdout and " error" not in result.stdout, output
    else:
        assert result.stdout.strip(), f"{block.id} printed nothing: every example shows its result"
