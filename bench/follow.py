"""3. Following one 50-step task to its end: requests, bytes on the wire, detection latency.

Strategies, each following its own task on the same emulator (another process), all at
once in threads (so one task duration covers every sample). Sample k of every strategy has
a task of the same length; lengths differ between samples by one step of an irregular 1.037 s,
so task ends fall at different phases of any fixed polling cadence:

- recipe: the documented loop, full `GET /task/{id}` every 2 s until a terminal status;
- official: the official SDK's strategy, `GET /task/{id}/status` every 2 s, then one
  full GET (written here with httpx: the official SDK cannot talk to v1 paths);
- wait (3a): the SDK's `handle.wait()` on a fresh client;
- webhook (3b): `handle.wait()` on a fresh client fed the emulator's signed webhook events
  by a `webhook_app(client.tasks.notify)` receiver in this process;
- steps: the SDK's step stream, `for step in handle.steps()`.

Requests and bytes (request line + headers + body both ways) are counted by the same
httpx transport wrapper for every client (`bench/_wire.py`), from the moment following
starts (task creation is not counted). Latency is the client's return time minus the
task's `finished_at` reported by the emulator (it back-dates it to the exact end).
Sample k of every strategy starts following k/n of a 2 s period after its task was
created, so the polling phases differ between samples but match across strategies.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from ._common import API_KEY, Figure, Outcome, at_most, fmt_seconds, median, ratio
from ._server import EmulatorProcess
from ._wire import CountingTransport

TERMINAL = frozenset({"finished", "failed", "stopped"})
TARGET_BYTES = 0.1
TARGET_STREAM_BYTES = 1.0
TARGET_WEBHOOK_LATENCY = 0.2
TARGET_WEBHOOK_REQUESTS = 3
SECRET = "whsec_bench_follow"


@dataclass(frozen=True)
class Sizes:
    steps: int
    step_interval: float  # seconds per emulated agent step
    tasks: int  # samples per strategy (all run concurrently)
    poll_every: float = 2.0  # the baselines' fixed interval


FULL = Sizes(steps=50, step_interval=1.037, tasks=5)
SMOKE = Sizes(steps=5, step_interval=0.05, tasks=1, poll_every=0.1)


@dataclass
class Sample:
    requests: int
    bytes: int
    latency: float  # seconds from the server-side finish to the client's return
    steps: int  # steps the client ended up with (or yielded, for the stream)
    gaps: list[float]  # seconds between consecutive requests


def _sample(wire: CountingTransport, latency: float, steps: int) -> Sample:
    count = wire.count
    gaps = [b - a for a, b in zip(count.times, count.times[1:], strict=False)]
    return Sample(count.requests, count.total, latency, steps, gaps)


def _latency(finished_at: str | datetime | None, returned: float) -> float:
    if finished_at is None:
        raise RuntimeError("the task has no finished_at")
    moment = datetime.fromisoformat(finished_at) if isinstance(finished_at, str) else finished_at
    return returned - moment.timestamp()


class _Bench:
    def __init__(self, base_url: str, sizes: Sizes) -> None:
        self.base_url = base_url
        self.sizes = sizes
        self.period = sizes.poll_every
        self.headers = {"Authorization": f"Bearer {API_KEY}"}
        self._creator = httpx.Client(headers=self.headers)
        self._lock = threading.Lock()
        self.fed: list[Any] = []  # clients the webhook receiver feeds

    def deliver(self, event: Any) -> None:
        """The receiver's handler: every fed client hears every event, as one would."""
        with self._lock:
            clients = list(self.fed)
        for client in clients:
            client.tasks.notify(event)

    def close(self) -> None:
        self._creator.close()

    def steps_of(self, k: int) -> int:
        """Sample k's task has k more steps: with an irregular step interval its end falls
        at a different point of a 2 s polling period for each sample."""
        return self.sizes.steps + k

    def text(self, k: int) -> str:
        return f"Track the price of a used bike [[emulator:steps={self.steps_of(k)}]]"

    def offset(self, k: int) -> float:
        return self.period * k / self.sizes.tasks

    def _create(self, k: int) -> str:
        with self._lock:
            response = self._creator.post(f"{self.base_url}/run-task", json={"task": self.text(k)})
        task_id: str = response.raise_for_status().json()["id"]
        return task_id

    def _counting_client(self) -> tuple[httpx.Client, CountingTransport]:
        transport = CountingTransport()
        return httpx.Client(headers=self.headers, transport=transport), transport

    def recipe(self, k: int) -> Sample:
        task_id = self._create(k)
        client, wire = self._counting_client()
        time.sleep(self.offset(k))
        with client:
            while True:
                task = client.get(f"{self.base_url}/task/{task_id}").raise_for_status().json()
                if task["status"] in TERMINAL:
                    returned = time.time()
                    break
                time.sleep(self.sizes.poll_every)
        return _sample(wire, _latency(task["finished_at"], returned), len(task["steps"]))

    def official(self, k: int) -> Sample:
        task_id = self._create(k)
        client, wire = self._counting_client()
        time.sleep(self.offset(k))
        with client:
            while True:
                status = client.get(f"{self.base_url}/task/{task_id}/status").json()
                if status in TERMINAL:
                    task = client.get(f"{self.base_url}/task/{task_id}").json()
                    returned = time.time()
                    break
                time.sleep(self.sizes.poll_every)
        return _sample(wire, _latency(task["finished_at"], returned), len(task["steps"]))

    def wait(self, k: int) -> Sample:
        from browser_use_cloud import BrowserUse

        wire = CountingTransport()
        with BrowserUse(api_key=API_KEY, base_url=self.base_url, transport=wire) as client:
            handle = client.tasks.create(self.text(k))
            wire.count.reset()
            time.sleep(self.offset(k))
            result = handle.wait(wait_timeout=600)
            returned = time.time()
        return _sample(wire, _latency(result.finished_at, returned), len(result.steps))

    def webhook(self, k: int) -> Sample:
        from browser_use_cloud import BrowserUse

        wire = CountingTransport()
        with BrowserUse(api_key=API_KEY, base_url=self.base_url, transport=wire) as client:
            with self._lock:
                self.fed.append(client)
            handle = client.tasks.create(self.text(k))
            wire.count.reset()
            time.sleep(self.offset(k))
            result = handle.wait(wait_timeout=600)
            returned = time.time()
        return _sample(wire, _latency(result.finished_at, returned), len(result.steps))

    def steps(self, k: int) -> Sample:
        from browser_use_cloud import BrowserUse

        wire = CountingTransport()
        with BrowserUse(api_key=API_KEY, base_url=self.base_url, transport=wire) as client:
            handle = client.tasks.create(self.text(k))
            wire.count.reset()
            time.sleep(self.offset(k))
            numbers = [step.step for step in handle.steps(wait_timeout=600)]
            returned = time.time()
        if numbers != list(range(1, self.steps_of(k) + 1)):
            raise RuntimeError(f"the step stream yielded {numbers}, not each step once in order")
        finished_at = self._creator.get(f"{self.base_url}/task/{handle.id}").json()["finished_at"]
        return _sample(wire, _latency(finished_at, returned), len(numbers))


def run(sizes: Sizes = FULL) -> Outcome:
    from browser_use_cloud import webhook_app
    from browser_use_cloud._frontends._serving import BackgroundServer

    relay = _Relay()
    with (
        BackgroundServer(webhook_app(relay.deliver, secret=SECRET)) as receiver,
        EmulatorProcess(
            step_interval=sizes.step_interval,
            webhook_url=receiver.url + "/webhook",
            webhook_secret=SECRET,
        ) as emulator,
    ):
        bench = relay.bench = _Bench(emulator.base_url, sizes)
        strategies: dict[str, Callable[[int], Sample]] = {
            "recipe": bench.recipe,
            "official": bench.official,
            "wait": bench.wait,
            "webhook": bench.webhook,
            "steps": bench.steps,
        }
        samples_k = range(sizes.tasks)
        with ThreadPoolExecutor(max_workers=len(strategies) * sizes.tasks) as pool:
            futures = {
                name: [pool.submit(strategy, k) for k in samples_k]
                for name, strategy in strategies.items()
            }
            samples = {name: [f.result() for f in running] for name, running in futures.items()}
        bench.close()
    return _outcome(sizes, samples)


class _Relay:
    """Hands webhook events to the bench once it exists (the receiver starts first)."""

    bench: _Bench | None = None

    def deliver(self, event: Any) -> None:
        if self.bench is not None:
            self.bench.deliver(event)


def _outcome(sizes: Sizes, samples: dict[str, list[Sample]]) -> Outcome:
    requests = {name: median([s.requests for s in got]) for name, got in samples.items()}
    sent = {name: median([s.bytes for s in got]) for name, got in samples.items()}
    latency = {name: median([s.latency for s in got]) for name, got in samples.items()}
    wait_requests = ratio(requests["wait"], requests["official"])
    wait_bytes = ratio(sent["wait"], sent["recipe"])
    stream_bytes = ratio(sent["steps"], sent["recipe"])
    latency_ratio = ratio(latency["wait"], latency["official"])
    fed_latency = ratio(latency["webhook"], latency["wait"])
    duration = sizes.step_interval * (sizes.steps + 1)
    figures = [
        Figure(
            name="3a wait(): detection latency",
            value=fmt_seconds(latency["wait"]),
            baseline=f"official strategy {fmt_seconds(latency['official'])}",
            ratio=latency_ratio,
            target="≤ 1x official",
            met=at_most(latency_ratio, 1.0),
        ),
        Figure(
            name="3a wait(): requests",
            value=f"{requests['wait']:g}",
            baseline=f"official strategy {requests['official']:g}",
            ratio=wait_requests,
            target="≤ 1x official",
            met=at_most(wait_requests, 1.0),
        ),
        Figure(
            name="3a wait(): bytes",
            value=f"{sent['wait']:,.0f} B",
            baseline=f"recipe {sent['recipe']:,.0f} B (official {sent['official']:,.0f} B)",
            ratio=wait_bytes,
            target=f"≤ {TARGET_BYTES}x recipe",
            met=at_most(wait_bytes, TARGET_BYTES),
        ),
        Figure(
            name="3b wait() fed webhooks: latency",
            value=fmt_seconds(latency["webhook"]),
            baseline=f"without webhooks {fmt_seconds(latency['wait'])}",
            ratio=fed_latency,
            target=f"≤ {TARGET_WEBHOOK_LATENCY:g} s median",
            met=at_most(latency["webhook"], TARGET_WEBHOOK_LATENCY),
        ),
        Figure(
            name="3b wait() fed webhooks: requests",
            value=f"{requests['webhook']:g}",
            baseline=f"without webhooks {requests['wait']:g}",
            ratio=ratio(requests["webhook"], requests["wait"]),
            target=f"≤ {TARGET_WEBHOOK_REQUESTS}",
            met=at_most(requests["webhook"], TARGET_WEBHOOK_REQUESTS),
        ),
        Figure(
            name="steps(): bytes",
            value=f"{sent['steps']:,.0f} B ({requests['steps']:g} req)",
            baseline=f"recipe {sent['recipe']:,.0f} B",
            ratio=stream_bytes,
            target=f"≤ {TARGET_STREAM_BYTES:g}x recipe",
            met=at_most(stream_bytes, TARGET_STREAM_BYTES),
        ),
    ]
    per = "; ".join(
        f"{name}: {requests[name]:g} req, {sent[name]:,.0f} B, latency "
        f"{fmt_seconds(latency[name])} (range {fmt_seconds(min(s.latency for s in got))}-"
        f"{fmt_seconds(max(s.latency for s in got))})"
        for name, got in samples.items()
    )
    first = samples["wait"][0]
    gaps = ", ".join(f"{gap:.1f}" for gap in first.gaps)
    per_request = {name: sent[name] / max(requests[name], 1) for name in sent}
    notes = [
        f"Task k (k = 0..{sizes.tasks - 1}): {sizes.steps} + k steps at {sizes.step_interval:g} s "
        f"per step (≈{duration:.0f} s and up from creation to finish; the irregular interval "
        "puts each sample's end at another point of a 2 s polling period, so no strategy's "
        "fixed phase lines up with the end by accident); every strategy follows the same "
        f"{sizes.tasks} tasks' twins, all concurrently on one emulator; baselines poll every "
        f"{sizes.poll_every:g} s, starting k/{sizes.tasks} of a period after creation.",
        f"Medians per strategy — {per}.",
        "Bytes count both directions (request line, headers, bodies); task creation is "
        "not counted. Latency = client return time - the emulator's finished_at. Mean "
        "bytes per request: "
        + ", ".join(f"{name} {value:,.0f} B" for name, value in per_request.items())
        + ".",
        f"wait() request gaps in its first sample (s): {gaps}; it returned "
        f"{fmt_seconds(first.latency)} after the finish.",
    ]
    facts = {
        "samples": {name: len(got) for name, got in samples.items()},
        "steps": {name: [s.steps for s in got] for name, got in samples.items()},
        "ratios": [wait_requests, wait_bytes, latency_ratio, stream_bytes, fed_latency],
        "requests": requests,
    }
    return Outcome(number=3, title="following a task", figures=figures, notes=notes, facts=facts)
