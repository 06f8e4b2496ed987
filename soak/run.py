"""Soak the SDK: thousands of operations, sync and async, against an emulator injecting faults.

    python -m soak.run --operations 10000
    python -m soak.run --operations 1500 --max-requests-per-second 20 --rate-limit 25

The emulator runs in a child process (real loopback HTTP); `/soak/*` routes expose its
truth. By default the clients have no request budget (the emulator can take the load, and
10,000 operations finish in minutes); the second form is the budgeted variant: each client
keeps to the library's default budget while the emulator enforces the service's rate limit
per key, so budget waits, 429 pauses and faults meet.

Prints operations, faults injected by kind, SDK retries and the targets (all 0): unhandled
errors, duplicate tasks, steps lost/repeated, iterator items missed/repeated,
corrupted uploads. Exits 1 if a target is missed or fewer than `--min-fault-rate` of the
requests were faulted. `run_soak(SoakConfig(operations=300))` is the short version.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

from browser_use_cloud import AsyncBrowserUse, BrowserUse
from browser_use_cloud._policies.polling import PollPolicy

from ._ledger import Ledger, Verdict
from ._ops import Driver, Operations
from ._server import ServerProcess, TruthClient

DEFAULT_FAULTS = (
    "429=0.05,500=0.04,502=0.03,503=0.03,drop=0.03,slow=0.04,lost=0.03,"
    "slow_seconds=0.3,retry_after=1"
)
"""25% of API and file requests faulted; 429s ask for a 1 s wait, slow ones take 0.3 s."""
FAST_POLL = PollPolicy(initial=0.05, factor=1.5, max_interval=0.4)
API_KEY_PREFIX = "soak-key"
"""Each client has a key of its own: the emulator's rate limit counts per key, as the
service does."""


@dataclass(frozen=True)
class SoakConfig:
    """Knobs of one soak run (defaults: the `nox -s soak` run)."""

    operations: int = 10_000
    seed: int = 0
    faults: str = DEFAULT_FAULTS
    async_workers: int = 24
    sync_workers: int = 12
    async_clients: int = 4
    sync_clients: int = 2
    """Clients the workers share (6 async tasks or 6 threads on each by default). A 429 pauses
    the whole client for its `Retry-After`, and one request in twenty gets a 429 asking for
    1 s: with one client of each kind the pauses leave them idle most of the time (7,064 of
    10,000 operations in 900 s, unbudgeted, on a loaded machine)."""
    max_retries: int = 5
    async_timeout: float = 10.0
    sync_timeout: float = 0.25
    """Below `slow_seconds`: a slow response becomes a read timeout for the sync client."""
    step_interval: float = 0.03
    steps_per_task: int = 3
    max_seconds: float = 900.0
    min_fault_rate: float = 0.20
    max_requests_per_second: float | None = None
    """Each client's request budget. None (unlimited): the soak tests the SDK under faults at
    the pace the emulator can take; under the default budget of 20 req/s per client, the
    10,000 operations of seed 23 did not finish within `max_seconds` (3,796 did)."""
    rate_limit: float | None = None
    """The emulator's limit in requests per second per key (None: no limit)."""

    def __post_init__(self) -> None:
        if self.async_clients < 1 or self.sync_clients < 1:
            raise ValueError("async_clients and sync_clients must be at least 1")


@dataclass
class SoakReport:
    """Everything a soak run measured."""

    config: SoakConfig
    seconds: float
    ledger: Ledger
    verdict: Verdict
    requests: int
    faults: dict[str, int]
    retries: Counter[str] = field(default_factory=Counter)
    stalled: int = 0
    limits: dict[str, int] = field(default_factory=dict)
    """What the emulator's limit counters saw: the busiest second, rate-limit 429s."""

    @property
    def fault_rate(self) -> float:
        return sum(self.faults.values()) / self.requests if self.requests else 0.0

    @property
    def failures(self) -> list[str]:
        out = list(self.verdict.failures)
        if self.stalled:
            out.append(f"operations still running at the deadline: {self.stalled} (target 0)")
        if self.fault_rate < self.config.min_fault_rate:
            out.append(
                f"fault rate {self.fault_rate:.1%} is below {self.config.min_fault_rate:.0%}"
            )
        return out

    @property
    def ok(self) -> bool:
        return not self.failures


class RetryCounter(logging.Handler):
    """Counts the SDK's "retrying ..." log records by reason (HTTP status or exception)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.startswith("retrying"):
            args = record.args if isinstance(record.args, tuple) else ()
            self.counts[str(args[3]) if len(args) > 3 else "?"] += 1


def run_soak(config: SoakConfig) -> SoakReport:
    """Start the emulator, drive it, judge the result. Blocks until done."""
    sdk_logger = logging.getLogger("browser_use_cloud")
    counter = RetryCounter()
    level, propagate = sdk_logger.level, sdk_logger.propagate
    sdk_logger.addHandler(counter)
    sdk_logger.propagate = False  # tens of thousands of INFO records: count them, don't print
    if not sdk_logger.isEnabledFor(logging.INFO):
        sdk_logger.setLevel(logging.INFO)
    try:
        with ServerProcess(
            faults=config.faults,
            seed=config.seed,
            step_interval=config.step_interval,
            steps=config.steps_per_task,
            rate_limit=config.rate_limit,
        ) as server:
            truth = TruthClient(server.origin)
            try:
                report = asyncio.run(_drive(config, server.base_url, truth))
            finally:
                truth.close()
    finally:
        sdk_logger.removeHandler(counter)
        sdk_logger.setLevel(level)
        sdk_logger.propagate = propagate
    report.retries = counter.counts
    return report


async def _drive(config: SoakConfig, base_url: str, truth: TruthClient) -> SoakReport:
    ledger = Ledger()
    executor = ThreadPoolExecutor(config.sync_workers, thread_name_prefix="soak-sync")
    loop = asyncio.get_running_loop()

    async def snapshot() -> list[str]:
        return await loop.run_in_executor(None, truth.task_ids)

    operations = Operations(ledger, seed=config.seed, snapshot=snapshot)
    indexes = itertools.count()
    started = time.monotonic()
    aclients = [
        AsyncBrowserUse(
            f"{API_KEY_PREFIX}-async-{n}",
            base_url=base_url,
            max_retries=config.max_retries,
            timeout=config.async_timeout,
            max_requests_per_second=config.max_requests_per_second,
        )
        for n in range(config.async_clients)
    ]
    sclients = [
        BrowserUse(
            f"{API_KEY_PREFIX}-sync-{n}",
            base_url=base_url,
            max_retries=config.max_retries,
            timeout=httpx.Timeout(config.sync_timeout, connect=max(config.sync_timeout, 1.0)),
            max_requests_per_second=config.max_requests_per_second,
        )
        for n in range(config.sync_clients)
    ]
    clients: list[AsyncBrowserUse | BrowserUse] = [*aclients, *sclients]
    for client in clients:
        client.tasks.wait_policy = FAST_POLL
        client.tasks.stream_policy = FAST_POLL
    # Workers share their clients round-robin: many tasks (or threads) on one client each.
    drivers = [Driver("async", aclients[n % len(aclients)]) for n in range(config.async_workers)]
    drivers += [
        Driver("sync", sclients[n % len(sclients)], executor) for n in range(config.sync_workers)
    ]

    async def worker(driver: Driver) -> None:
        while (index := next(indexes)) < config.operations:
            await operations.perform(index, driver)

    workers = [asyncio.ensure_future(worker(d)) for d in drivers]
    _, pending = await asyncio.wait(workers, timeout=config.max_seconds)
    for task in pending:
        task.cancel()
    seconds = time.monotonic() - started
    for aclient in aclients:
        await aclient.close()
    executor.shutdown(wait=not pending, cancel_futures=True)
    if not pending:
        for sclient in sclients:
            sclient.close()
    faults, requests = await loop.run_in_executor(None, truth.faults)
    limits = await loop.run_in_executor(None, truth.limits)
    verdict = ledger.judge(
        by_request_id=await loop.run_in_executor(None, truth.request_ids),
        server_steps=await loop.run_in_executor(None, truth.steps, list(ledger.streams)),
        all_task_ids=await loop.run_in_executor(None, truth.task_ids),
        upload_hashes=await loop.run_in_executor(None, truth.uploads, list(ledger.uploads)),
    )
    return SoakReport(
        config=config,
        seconds=seconds,
        ledger=ledger,
        verdict=verdict,
        requests=requests,
        faults=faults,
        stalled=len(pending),
        limits=limits,
    )


def format_report(report: SoakReport) -> str:
    """The human-readable summary `python -m soak.run` prints."""
    cfg, ledger, verdict = report.config, report.ledger, report.verdict
    ops = sum(ledger.ops.values())
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(ledger.ops.items()))
    faults = ", ".join(f"{k} {report.faults.get(k, 0)}" for k in sorted(report.faults))
    retries = ", ".join(f"{k} {n}" for k, n in report.retries.most_common())
    outcomes = ", ".join(f"{k} {n}" for k, n in ledger.outcomes.most_common())
    budget = (
        "unlimited"
        if cfg.max_requests_per_second is None
        else f"{cfg.max_requests_per_second:g} requests/s per client"
    )
    limit = "none" if cfg.rate_limit is None else f"{cfg.rate_limit:g} requests/s per key"
    lines = [
        f"soak: {ops} operations in {report.seconds:.1f} s (seed {cfg.seed}; "
        f"{cfg.async_workers} async workers on {cfg.async_clients} clients, "
        f"{cfg.sync_workers} sync threads on {cfg.sync_clients})",
        f"  by client:      async {ledger.by_client['async']}, sync {ledger.by_client['sync']}",
        f"  by kind:        {kinds}",
        f"  requests:       {report.requests} API/file requests served by the emulator",
        f"  budget:         {budget}; emulator rate limit: {limit}; busiest second "
        f"{report.limits.get('peak_requests_per_second', 0)} API requests; rate-limit 429s "
        f"{report.limits.get('rate_limited', 0)}",
        f"  faults:         {sum(report.faults.values())} injected ({report.fault_rate:.1%} of "
        f"requests): {faults}",
        f"  retries (SDK):  {sum(report.retries.values())}: {retries or 'none'}",
        f"  outcomes:       {outcomes}",
        f"  checked:        {len(ledger.created)} request ids, {verdict.streams_checked} step "
        f"streams, {verdict.walks_checked} full iterations, {verdict.uploads_checked} uploads",
        "  targets (all 0):",
        f"    unhandled errors ...................... {len(ledger.unhandled)}",
        f"    duplicate tasks created by run/create .. {verdict.duplicates}",
        f"    tasks left behind by a raising create .. {verdict.orphans}",
        f"    steps lost / repeated / out of order ... {verdict.steps_lost} / "
        f"{verdict.steps_repeated} / {verdict.steps_out_of_order}",
        f"    iterator items missed / repeated ....... {verdict.items_missed} / "
        f"{verdict.items_repeated} (unknown ids: {verdict.items_unknown})",
        f"    uploads corrupted (sha256) ............. {verdict.uploads_corrupted}",
    ]
    for text in verdict.details[:20]:
        lines.append(f"  detail: {text}")
    for text in ledger.unhandled[:20]:
        lines.append(f"  unhandled: {text}")
    if len(ledger.unhandled) > 20:
        lines.append(f"  ... and {len(ledger.unhandled) - 20} more unhandled errors")
    lines.append("RESULT: " + ("PASS" if report.ok else "FAIL: " + "; ".join(report.failures)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    defaults = SoakConfig()
    parser = argparse.ArgumentParser(prog="python -m soak.run", description=__doc__.split("\n")[0])
    parser.add_argument("--operations", type=int, default=defaults.operations)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--faults", default=defaults.faults, help="emulator FaultSpec text")
    parser.add_argument("--async-workers", type=int, default=defaults.async_workers)
    parser.add_argument("--sync-workers", type=int, default=defaults.sync_workers)
    parser.add_argument("--async-clients", type=int, default=defaults.async_clients)
    parser.add_argument("--sync-clients", type=int, default=defaults.sync_clients)
    parser.add_argument("--max-seconds", type=float, default=defaults.max_seconds)
    parser.add_argument(
        "--max-requests-per-second",
        type=float,
        default=defaults.max_requests_per_second,
        metavar="R",
        help="each client's request budget (default: unlimited)",
    )
    parser.add_argument(
        "--rate-limit",
        type=float,
        default=defaults.rate_limit,
        metavar="R",
        help="the emulator's limit per key (default: none)",
    )
    args = parser.parse_args(argv)
    config = SoakConfig(
        operations=args.operations,
        seed=args.seed,
        faults=args.faults,
        async_workers=args.async_workers,
        sync_workers=args.sync_workers,
        async_clients=args.async_clients,
        sync_clients=args.sync_clients,
        max_seconds=args.max_seconds,
        max_requests_per_second=args.max_requests_per_second,
        rate_limit=args.rate_limit,
    )
    report = run_soak(config)
    print(format_report(report), flush=True)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
