"""A bench-only emulator launcher (run in its own process) and the client-side handle to it.

    python -m bench._server --config '{"step_interval": 0.5}' --seed-tasks 100000

prints the base URL as its first stdout line, then answers one JSON line per command
read from stdin (`md5 <store key>`, `tasks`, `cpu`, `stats`: the limits' counters) until
stdin closes. `--seed-tasks N`
pre-creates N finished one-step tasks directly in the emulator's state (no HTTP), so
listing benchmarks need not create them through the API.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ._common import ROOT, subprocess_env

if TYPE_CHECKING:
    from browser_use_cloud.emulator import State

SEED_TEXT = (
    "Look up the opening hours of the city library [[emulator:instant]] [[emulator:steps=1]]"
)


def seed_finished_tasks(state: State, count: int) -> None:
    """Add `count` finished tasks to `state`, oldest first, 1 ms apart (newest = now)."""
    if count <= 0:
        return
    with state.lock:
        template = state.create_task({"task": SEED_TEXT})
        state.observe(template)
        start = datetime.now(UTC) - timedelta(milliseconds=count)
        template.created_at = start
        for index in range(1, count):
            clone = dataclasses.replace(
                template,
                id=state.new_id(),
                session_id=state.new_id(),
                created_at=start + timedelta(milliseconds=index),
                history=list(template.history),
            )
            state.tasks[clone.id] = clone


def _answer(state: State, line: str) -> dict[str, Any]:
    command, _, argument = line.strip().partition(" ")
    if command == "md5":
        stored = state.store.info(argument)
        digest = hashlib.md5(usedforsecurity=False)
        with open(stored.path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return {"md5": digest.hexdigest(), "size": stored.size}
    if command == "tasks":
        with state.lock:
            return {"tasks": len(state.tasks)}
    if command == "cpu":
        times = os.times()
        return {"cpu": times.user + times.system}
    if command == "stats":
        return state.stats.snapshot()
    return {"error": f"unknown command {command!r}"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="{}", help="EmulatorConfig fields as JSON")
    parser.add_argument("--seed-tasks", type=int, default=0)
    args = parser.parse_args(argv)
    from browser_use_cloud.emulator import Emulator, EmulatorConfig

    config = EmulatorConfig(**json.loads(args.config))
    with Emulator(config) as emulator:
        seed_finished_tasks(emulator.state, args.seed_tasks)
        print(emulator.base_url, flush=True)
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(_answer(emulator.state, line)), flush=True)


class EmulatorProcess:
    """Start the launcher in a child process; `base_url` is read from its first line."""

    def __init__(self, *, seed_tasks: int = 0, **config: Any) -> None:
        config.setdefault("initial_balance", 10**12)
        self._args = [
            sys.executable,
            "-m",
            "bench._server",
            "--config",
            json.dumps(config),
            "--seed-tasks",
            str(seed_tasks),
        ]
        self._process: subprocess.Popen[str] | None = None
        self.base_url = ""

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def start(self) -> EmulatorProcess:
        process = self._process = subprocess.Popen(
            self._args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            cwd=ROOT,
        )
        assert process.stdout is not None
        line = process.stdout.readline()  # "" if the child died
        if not line.startswith("http"):
            self.close()
            raise RuntimeError(f"the bench emulator did not start (first line: {line!r})")
        self.base_url = line.strip()
        return self

    def command(self, line: str) -> dict[str, Any]:
        """Send one command line; return the JSON answer."""
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        process.stdin.write(line + "\n")
        process.stdin.flush()
        answer: dict[str, Any] = json.loads(process.stdout.readline())
        return answer

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        return float(self.command("cpu")["cpu"])

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def __enter__(self) -> EmulatorProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


if __name__ == "__main__":
    main()
