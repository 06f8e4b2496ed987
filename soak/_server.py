"""The emulator in a child process, plus read-only `/soak/*` routes that expose its truth.

The child serves `create_app(config)` wrapped by `with_truth()`: requests under `/soak/`
answer from the emulator's state (never faulted); everything else goes to the emulator
and, when it is an API or file request, is counted. The parent talks to it over loopback
HTTP only, so the SDK under test shares no memory with the server it is judged by.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import httpx

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COUNTED = ("/api/v1/", "/emulator-files/")
"""Path prefixes the fault middleware may fault: the denominator of the fault rate."""
REQUEST_ID_KEY = "bu_request_id"


def with_truth(app: Any) -> ASGIApp:
    """Wrap an emulator app with the `/soak/*` truth routes and a request counter."""
    state = app.state.emulator
    faults: dict[str, int] = app.state.fault_counts
    served = {"requests": 0}

    def truth(path: str, body: Any) -> Any:
        if path == "/soak/faults":
            return {"faults": dict(faults), "requests": served["requests"]}
        if path == "/soak/limits":
            snapshot = state.stats.snapshot()
            return {k: v for k, v in snapshot.items() if k != "requests_by_second"}
        if path == "/soak/task-ids":
            with state.lock:
                return list(state.tasks)
        if path == "/soak/request-ids":
            counts: dict[str, list[str]] = {}
            with state.lock:
                for task in state.tasks.values():
                    rid = (task.request.get("metadata") or {}).get(REQUEST_ID_KEY)
                    if rid is not None:
                        counts.setdefault(rid, []).append(task.id)
            return counts
        if path == "/soak/steps":
            out: dict[str, list[list[Any]]] = {}
            with state.lock:
                for task_id in body:
                    task = state.tasks[task_id]
                    visible = task.visible_steps(time.monotonic())
                    out[task_id] = [[step_id, step.number] for step_id, step in visible]
            return out
        if path == "/soak/uploads":
            hashes: dict[str, str | None] = {}
            for name in body:
                key = f"uploads/{name}"
                data = state.store.get(key) if state.store.exists(key) else None
                hashes[name] = None if data is None else hashlib.sha256(data).hexdigest()
            return hashes
        if path == "/soak/schedules":
            with state.lock:
                return list(state.schedules)
        return None

    async def wrapper(scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/soak/"):
            chunks = []
            while True:
                message = await receive()
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            raw = b"".join(chunks)
            result = truth(path, json.loads(raw) if raw else None)
            status = 404 if result is None else 200
            data = json.dumps(result).encode()
            headers = [(b"content-type", b"application/json")]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": data})
            return
        if scope["type"] == "http" and path.startswith(COUNTED):
            served["requests"] += 1
        await app(scope, receive, send)

    return wrapper


class TruthClient:
    """The parent's view of the child's `/soak/*` routes."""

    def __init__(self, origin: str) -> None:
        self._http = httpx.Client(base_url=origin, timeout=60.0)

    def close(self) -> None:
        self._http.close()

    def _ask(self, path: str, body: Any = None) -> Any:
        response = self._http.post(path, json=body) if body is not None else self._http.get(path)
        response.raise_for_status()
        return response.json()

    def faults(self) -> tuple[dict[str, int], int]:
        data = self._ask("/soak/faults")
        return data["faults"], data["requests"]

    def limits(self) -> dict[str, int]:
        return dict(self._ask("/soak/limits"))

    def task_ids(self) -> list[str]:
        return list(self._ask("/soak/task-ids"))

    def request_ids(self) -> dict[str, list[str]]:
        return dict(self._ask("/soak/request-ids"))

    def steps(self, task_ids: list[str]) -> dict[str, list[tuple[str, int]]]:
        data = self._ask("/soak/steps", task_ids) if task_ids else {}
        return {k: [(i, n) for i, n in v] for k, v in data.items()}

    def uploads(self, names: list[str]) -> dict[str, str | None]:
        return dict(self._ask("/soak/uploads", names)) if names else {}


class ServerProcess:
    """Start the emulator child (`python -m soak._server ...`) and stop it on exit."""

    def __init__(
        self,
        *,
        faults: str,
        seed: int,
        step_interval: float,
        steps: int,
        rate_limit: float | None = None,
    ) -> None:
        self.args = [
            "--faults",
            faults,
            "--seed",
            str(seed),
            "--step-interval",
            str(step_interval),
            "--steps",
            str(steps),
        ]
        if rate_limit is not None:
            self.args += ["--rate-limit", str(rate_limit)]
        self.base_url = ""
        self.origin = ""
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> ServerProcess:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "soak._server", *self.args],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self._proc.kill()
            raise RuntimeError(f"the soak emulator did not start (said {line!r})")
        self.base_url = line
        self.origin = line.split("/api/v1", 1)[0]
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            if self._proc.stdout is not None:
                self._proc.stdout.close()


def main() -> None:
    """Child entry point: serve until terminated; the first line printed is the base URL."""
    import uvicorn

    from browser_use_cloud.emulator import EmulatorConfig, create_app

    parser = argparse.ArgumentParser()
    parser.add_argument("--faults", default="")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--step-interval", type=float, default=0.02)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--rate-limit", type=float, default=None)
    args = parser.parse_args()
    config = EmulatorConfig(
        step_interval=args.step_interval,
        steps_per_task=args.steps,
        seed=args.seed,
        faults=args.faults or None,
        initial_balance=10**12,
        rate_limit=args.rate_limit,
    )
    app = with_truth(create_app(config))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    print(f"http://127.0.0.1:{sock.getsockname()[1]}/api/v1", flush=True)
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_level="critical",
            lifespan="on",
            access_log=False,
            backlog=512,
            timeout_keep_alive=30,
        )
    )
    server.run(sockets=[sock])


if __name__ == "__main__":
    main()
