"""The soak's operations, written once and driven through a sync or an async client.

A `Driver` calls a client method: awaited directly for `AsyncBrowserUse`, or run in a
worker thread for `BrowserUse` (so many threads share one sync client, as a service
would). Each operation is one public SDK call (plus the task create a stream needs).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hashlib
import random
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from typing import Any

from browser_use_cloud import TaskStatus

from ._ledger import IterationCheck, Ledger

WEIGHTS: dict[str, float] = {
    "create": 18,
    "wait": 15,
    "run": 9,
    "stream": 8,
    "read": 14,
    "list": 3,
    "iterate": 0.6,
    "upload": 14,
    "schedule": 16,
}
"""Relative frequency of each operation kind."""
WAIT_TIMEOUT = 120.0
UPLOAD_KINDS = (
    ("txt", "text/plain"),
    ("png", "image/png"),
    ("pdf", "application/pdf"),
    ("csv", "text/csv"),
)
MAX_UPLOAD = 48 * 1024
SCHEDULE_POOL = 4


class Driver:
    """Calls methods of one client: `call` for a result, `collect` for an iterator."""

    def __init__(self, name: str, client: Any, executor: Executor | None = None) -> None:
        self.name = name
        self.client = client
        self._executor = executor

    async def call(self, target: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        fn = functools.partial(getattr(target, method), *args, **kwargs)
        if self._executor is None:
            return await fn()
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn)

    async def collect(self, target: Any, method: str, *args: Any, **kwargs: Any) -> list[Any]:
        items = getattr(target, method)
        if self._executor is None:
            return [item async for item in items(*args, **kwargs)]
        return await asyncio.get_running_loop().run_in_executor(
            self._executor, lambda: list(items(*args, **kwargs))
        )


class Operations:
    """The operation kinds; `perform(index, driver)` runs the one `index` draws."""

    def __init__(
        self,
        ledger: Ledger,
        *,
        seed: int,
        snapshot: Callable[[], Awaitable[list[str]]],
        weights: dict[str, float] | None = None,
    ) -> None:
        self.ledger = ledger
        self.seed = seed
        self._snapshot = snapshot
        chosen = weights or WEIGHTS
        self._kinds = list(chosen)
        self._weights = [chosen[k] for k in self._kinds]

    def kind(self, index: int) -> tuple[str, random.Random]:
        rng = random.Random(f"{self.seed}:{index}")
        return rng.choices(self._kinds, self._weights)[0], rng

    def _resolve(self, kind: str, rng: random.Random) -> tuple[str, str | None]:
        """The concrete operation and its target (a task or schedule id taken from a pool)."""
        ledger = self.ledger
        with ledger.lock:
            if kind == "wait":
                return ("wait", ledger.waiting.popleft()) if ledger.waiting else ("create", None)
            if kind == "read":
                return ("read", rng.choice(ledger.known)) if ledger.known else ("create", None)
            if kind == "schedule":
                if len(ledger.schedules) < SCHEDULE_POOL or rng.random() < 0.25:
                    return "schedule_create", None
                action = rng.choice(("get", "update", "list", "delete"))
                if action == "list":
                    return "schedule_list", None
                return "schedule_" + action, ledger.schedules.popleft()
        return kind, None

    async def perform(self, index: int, driver: Driver) -> None:
        kind, rng = self.kind(index)
        op, target = self._resolve(kind, rng)
        try:
            await getattr(self, "_" + op)(index, rng, driver, target)
        except Exception as exc:
            self.ledger.failed(op, driver.name, exc)
        else:
            self.ledger.done(op, driver.name)
        finally:
            if op.startswith("schedule_") and op != "schedule_delete" and target is not None:
                self.ledger.schedules.append(target)

    # The `_<op>` bodies raise on SDK errors; `perform` records the outcome.

    def _rid(self, index: int) -> str:
        return f"soak-{self.seed}-{index}"

    @staticmethod
    def _text(index: int, rng: random.Random) -> str:
        return f"soak task {index} [[emulator:steps={rng.randint(1, 4)}]]"

    async def _create_task(self, index: int, rng: random.Random, driver: Driver, op: str) -> Any:
        rid, by = self._rid(index), f"{op}/{driver.name}"
        try:
            handle = await driver.call(
                driver.client.tasks, "create", self._text(index, rng), request_id=rid
            )
        except Exception:
            self.ledger.task_created(rid, None, by)
            raise
        self.ledger.task_created(rid, handle.id, by)
        return handle

    async def _create(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        handle = await self._create_task(index, rng, driver, "create")
        self.ledger.waiting.append(handle.id)

    async def _wait(self, index: int, rng: random.Random, driver: Driver, task_id: str) -> None:
        result = await driver.call(driver.client.tasks, "wait", task_id, wait_timeout=WAIT_TIMEOUT)
        self._check_finished("wait", result, task_id)

    async def _run(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        rid, by = self._rid(index), f"run/{driver.name}"
        steps: list[Any] | None = [] if index % 2 else None
        try:
            result = await driver.call(
                driver.client.tasks,
                "run",
                self._text(index, rng),
                request_id=rid,
                wait_timeout=WAIT_TIMEOUT,
                on_step=None if steps is None else steps.append,
            )
        except Exception:
            self.ledger.task_created(rid, None, by)
            raise
        self.ledger.task_created(rid, result.id, by)
        self._check_finished("run", result, result.id)
        if steps is not None:
            self.ledger.streams[result.id] = [(s.id, s.step) for s in steps]

    async def _stream(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        handle = await self._create_task(index, rng, driver, "stream")
        steps = await driver.collect(handle, "steps", wait_timeout=WAIT_TIMEOUT)
        self.ledger.streams[handle.id] = [(s.id, s.step) for s in steps]

    async def _read(self, index: int, rng: random.Random, driver: Driver, task_id: str) -> None:
        if rng.random() < 0.5:
            task = await driver.call(driver.client.tasks, "get", task_id)
            if task.id != task_id:
                self.ledger.problem(f"get({task_id}) returned task {task.id}")
        else:
            status = await driver.call(driver.client.tasks, "status", task_id)
            if not isinstance(status, TaskStatus):
                self.ledger.problem(f"status({task_id}) returned {status!r}")

    async def _list(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        page = await driver.call(driver.client.tasks, "list", page=1, limit=10)
        if len(page.items) > 10:
            self.ledger.problem(f"list(limit=10) returned {len(page.items)} items")

    async def _iterate(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        before = frozenset(await self._snapshot())
        items = await driver.collect(driver.client.tasks, "iter")
        self.ledger.walks.append(IterationCheck(before, tuple(item.id for item in items)))

    async def _upload(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        ext, content_type = rng.choice(UPLOAD_KINDS)
        name = f"soak-{self.seed}-{index}.{ext}"
        data = rng.randbytes(rng.randint(1, MAX_UPLOAD))
        stored = await driver.call(
            driver.client.files, "upload", data, name=name, content_type=content_type
        )
        if stored != name:
            self.ledger.problem(f"upload({name!r}) returned {stored!r}")
        self.ledger.uploads[name] = hashlib.sha256(data).hexdigest()

    async def _schedule_create(
        self, index: int, rng: random.Random, driver: Driver, _: Any
    ) -> None:
        start = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        created = await driver.call(
            driver.client.scheduled_tasks,
            "create",
            f"soak schedule {index}",
            interval_minutes=rng.choice((30, 60, 120)),
            start_at=start,
            end_at=start + dt.timedelta(days=30),
        )
        self.ledger.schedules.append(created)

    async def _schedule_get(self, index: int, rng: random.Random, driver: Driver, sid: str) -> None:
        item = await driver.call(driver.client.scheduled_tasks, "get", sid)
        if item.id != sid:
            self.ledger.problem(f"scheduled_tasks.get({sid}) returned {item.id}")

    async def _schedule_update(
        self, index: int, rng: random.Random, driver: Driver, sid: str
    ) -> None:
        active = rng.random() < 0.5
        item = await driver.call(driver.client.scheduled_tasks, "update", sid, is_active=active)
        if item.id != sid or (item.is_active is not active and active is False):
            self.ledger.problem(
                f"scheduled_tasks.update({sid}) returned {item.id}/{item.is_active}"
            )

    async def _schedule_list(self, index: int, rng: random.Random, driver: Driver, _: Any) -> None:
        page = await driver.call(driver.client.scheduled_tasks, "list", page=1, limit=20)
        if len(page.items) > 20:
            self.ledger.problem(f"scheduled_tasks.list(limit=20) returned {len(page.items)}")

    async def _schedule_delete(
        self, index: int, rng: random.Random, driver: Driver, sid: str
    ) -> None:
        await driver.call(driver.client.scheduled_tasks, "delete", sid)

    def _check_finished(self, op: str, result: Any, task_id: str) -> None:
        if result.id != task_id or result.status != TaskStatus.FINISHED:
            self.ledger.problem(f"{op}({task_id}) returned {result.id} with status {result.status}")
