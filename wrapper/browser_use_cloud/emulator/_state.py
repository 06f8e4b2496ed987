"""The emulated account: tasks, schedules, browser profiles, files and credits.

One lock guards everything: the HTTP handlers, the scheduler thread and the
webhook ticker all go through :class:`State`. Tests may read it directly
(``Emulator.state``).
"""

from __future__ import annotations

import json
import math
import random
import secrets
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from .._input.upload import guess_content_type
from .._spec.limits import MAX_AGENT_STEPS
from . import _media, _schema_values, _script
from ._config import EmulatorConfig
from ._limits import CONCURRENCY_DETAIL, LimitStats
from ._scheduler import EmulatorClock, Scheduler
from ._tasks import TERMINAL, TaskRecord
from ._uploads import FileStore, UploadSigner, download_key
from ._webhook_delivery import WebhookDispatcher

STATUS_EVENT = "agent.task.status_update"
# Task status -> webhook status. The webhook vocabulary has no "failed": a failed run
# ends its session like a finished one (the task itself reports "failed").
WEBHOOK_STATUS = {
    "created": "initializing",
    "running": "started",
    "paused": "paused",
    "stopped": "stopped",
    "finished": "finished",
    "failed": "finished",
}
DEFAULT_LLM = "gpt-4.1"
NO_CREDITS_DETAIL = "Insufficient credits: the balance is 0, add credits to run"
CREDITS_PER_STEP = 1


class ApiError(Exception):
    """An error answered as ``{"detail": detail}`` with ``status``."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


@dataclass
class ScheduleRecord:
    """A scheduled task: its run settings, its schedule and bookkeeping."""

    id: str
    request: dict[str, Any] = field(repr=False)  # settings for each run (RunTaskRequest fields)
    schedule_type: str
    interval_minutes: int | None
    cron_expression: str | None
    start_at: datetime
    end_at: datetime
    is_active: bool
    created_at: datetime
    updated_at: datetime
    runs: list[str] = field(default_factory=list)  # ids of tasks it started


class State:
    """All emulated server-side state, plus the background helpers that act on it."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.tasks: dict[str, TaskRecord] = {}
        self.active: dict[str, TaskRecord] = {}  # tasks not known to have ended
        self._settled_credits = 0  # credits spent by tasks that left `active`
        self.stats = LimitStats()
        self.schedules: dict[str, ScheduleRecord] = {}
        self.profiles: dict[str, dict[str, Any]] = {}
        self.saved_cookies: list[dict[str, Any]] = []
        self._refused: Counter[str] = Counter()  # concurrency_limit refusals, by task text
        self.seed: int = secrets.randbits(32) if config.seed is None else config.seed
        """The seed in use: the configured one, or one drawn for this emulator."""
        self._ids = random.Random(f"ids:{self.seed}")
        self.clock = EmulatorClock(config.time_scale)
        self.scheduler = Scheduler(self.clock, self._run_schedule, tick=0.02)
        self.store = FileStore(config.upload_limit_bytes)
        self.signer = UploadSigner(secrets.token_bytes(32))
        self.webhooks: WebhookDispatcher | None = None
        if config.webhook_url:
            self.webhooks = WebhookDispatcher(config.webhook_url, config.webhook_secret or "")

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start the scheduler and webhook delivery; announce the webhook with a test event."""
        self.scheduler.start()
        if self.webhooks is not None:
            self.webhooks.start()
            self.webhooks.send("test", {"test": "ok"})

    def catch_up(self) -> None:
        """Start the scheduled runs that are due (what the scheduler thread does on its
        own): called before each in-process request, where no thread runs."""
        self.scheduler.run_due()

    def close(self) -> None:
        """Stop background work and delete stored files."""
        self.scheduler.stop()
        if self.webhooks is not None:
            self.webhooks.flush(timeout=0.5)  # deliver what is pending, but never hang on exit
            self.webhooks.stop(drain=False, timeout=5.0)
        self.store.close()

    def reset(self) -> None:
        """Forget everything the service was told: back to a fresh emulator with the same
        configuration and seed (the same ids come again). Background helpers keep running."""
        with self.lock:
            self.tasks.clear()
            self.active.clear()
            self._settled_credits = 0
            self.stats.reset()
            self.scheduler.clear()
            self.schedules.clear()
            self.profiles.clear()
            self.saved_cookies.clear()
            self._refused.clear()
            self._ids = random.Random(f"ids:{self.seed}")
            self.store.clear()

    def new_id(self) -> str:
        """A fresh id, reproducible for a given seed."""
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    # -- tasks ---------------------------------------------------------------------------

    def create_task(self, request: dict[str, Any], schedule_id: str | None = None) -> TaskRecord:
        """Start a run for a validated RunTaskRequest; 402 when no credits are left, the
        concurrency 429 while `max_concurrent_tasks` tasks have not ended."""
        with self.lock:
            text: str = request["task"]
            directives = _script.parse_directives(text)
            if directives.no_credits or self.balance() <= 0:
                raise ApiError(402, NO_CREDITS_DETAIL)
            limit = self.config.max_concurrent_tasks
            if limit is not None and len(self.active) >= limit:
                self.stats.refused_concurrency()
                raise ApiError(429, CONCURRENCY_DETAIL.format(limit=limit))
            if self._refused[text] < directives.refusals:
                self._refused[text] += 1
                self.stats.refused_concurrency()
                raise ApiError(429, CONCURRENCY_DETAIL.format(limit=max(1, len(self.active))))
            clean = _script.strip_directives(text) or text
            task_id = self.new_id()
            content = random.Random(f"{self.seed}\x00{clean}")
            needed = directives.steps or self.config.steps_per_task
            limit = request.get("max_agent_steps") or needed
            count = min(needed, limit)
            out_of_steps = needed > limit
            route = _script.plan_route(clean, request.get("allowed_domains"))
            steps = _script.plan_steps(clean, route, count, content, finish=not out_of_steps)
            roll = random.Random(f"{self.seed}:{task_id}").random()
            fails = directives.fail or roll < self.config.failure_rate or out_of_steps
            if out_of_steps:
                directive = directives.steps is not None
                output = _script.out_of_steps_output(needed, limit, MAX_AGENT_STEPS, directive)
            elif fails:
                steps = steps[: max(1, math.ceil(count / 2))]
                output = _script.failure_output(steps)
            elif request.get("structured_output_json"):
                schema = _schema_values.parse_schema(request["structured_output_json"])
                value = _schema_values.generate(schema, content)
                if directives.invalid_output:  # the right data in the wrong shape
                    value = [value] if schema.get("type") == "object" else {"value": value}
                output = json.dumps(value)
            else:
                output = _script.final_output(clean, route, steps, content)
            if directives.output is not None:
                output = directives.output
            pace = 0.0 if directives.instant else self.config.step_interval
            task = TaskRecord(
                id=task_id,
                session_id=self.new_id(),
                task=text,
                request=request,
                created_at=datetime.now(UTC),
                steps=[(self.new_id(), step) for step in steps],
                outcome="failed" if fails else "finished",
                output=output,
                output_files=() if fails else directives.files,
                interval=pace,
                start_delay=pace,
                schedule_id=schedule_id,
                interrupt=_interrupt(directives.interrupt, len(steps)),
            )
            self.tasks[task_id] = task
            self.active[task_id] = task
            self.stats.running(len(self.active))
            self.observe(task)
            return task

    def get_task(self, task_id: str) -> TaskRecord:
        """A task by id, or 404."""
        with self.lock:
            task = self.tasks.get(task_id)
            if task is None:
                raise ApiError(404, "Task not found")
            return task

    def observe(self, task: TaskRecord) -> str:
        """The task's status now; announces status changes and settles a finished run."""
        with self.lock:
            status = task.status(time.monotonic())
            last = task.history[-1] if task.history else None
            if status == last:
                return status
            chain = [status]
            if status in ("finished", "failed") and "running" not in task.history:
                chain.insert(0, "running")
            if not task.history:
                chain.insert(0, "created")
            for step in dict.fromkeys(chain):
                if step != last:
                    task.history.append(step)
                    self._announce(task, step)
            if status == "finished":
                self._write_output_files(task)
                if task.request.get("save_browser_data"):
                    self.saved_cookies.extend(self.cookies(task))
            return status

    def _announce(self, task: TaskRecord, status: str) -> None:
        if self.webhooks is None:
            return
        payload = {
            "session_id": task.session_id,
            "task_id": task.id,
            "status": WEBHOOK_STATUS[status],
            "metadata": task.request.get("metadata") or {},
        }
        self.webhooks.send(STATUS_EVENT, payload)

    def tick(self) -> None:
        """Observe every live task (drives webhook events between API calls)."""
        with self.lock:
            for task in list(self.tasks.values()):
                if not task.history or task.history[-1] not in TERMINAL:
                    self.observe(task)

    def _write_output_files(self, task: TaskRecord) -> None:
        for name in task.output_files:
            kind = name.rsplit(".", 1)[-1].lower()
            media_type = guess_content_type(name) or "application/octet-stream"
            self.store.put(download_key(task.id, name), _file_bytes(task, name, kind), media_type)

    def cookies(self, task: TaskRecord) -> list[dict[str, Any]]:
        """Cookies a run leaves behind: one session cookie per site it visited."""
        hosts = sorted({s.url.split("/")[2] for _, s in task.steps if s.url.startswith("http")})
        expires = int((task.created_at + timedelta(days=30)).timestamp())
        return [
            {
                "name": "session",
                "value": uuid.uuid5(uuid.NAMESPACE_URL, f"{task.id}/{host}").hex,
                "domain": f".{host.removeprefix('www.')}",
                "path": "/",
                "expires": expires,
                "httpOnly": True,
                "secure": True,
                "sameSite": "Lax",
            }
            for host in hosts
        ]

    def balance(self) -> int:
        """Credits left: the initial balance minus one credit per step taken."""
        with self.lock:
            now = time.monotonic()
            self._settle(now)
            spent = self._settled_credits + sum(
                len(t.visible_steps(now)) for t in self.active.values()
            )
            return max(0, self.config.initial_balance - spent * CREDITS_PER_STEP)

    def _settle(self, now: float) -> None:
        """Move ended tasks out of `active`, keeping the credits they spent."""
        ended = [t for t in self.active.values() if t.status(now) in TERMINAL]
        for task in ended:
            self._settled_credits += len(task.visible_steps(now))
            del self.active[task.id]

    # -- schedules -----------------------------------------------------------------------

    def save_schedule(self, record: ScheduleRecord) -> None:
        """Store a schedule and (re)plan its runs; ValueError for an invalid schedule."""
        with self.lock:
            self.scheduler.upsert(record.id, _schedule_fields(record))
            self.schedules[record.id] = record

    def get_schedule(self, schedule_id: str) -> ScheduleRecord:
        """A schedule by id, or 404."""
        with self.lock:
            record = self.schedules.get(schedule_id)
            if record is None:
                raise ApiError(404, "Scheduled task not found")
            return record

    def delete_schedule(self, schedule_id: str) -> None:
        """Forget a schedule; runs it already started carry on."""
        with self.lock:
            self.get_schedule(schedule_id)
            self.scheduler.remove(schedule_id)
            del self.schedules[schedule_id]

    def next_run(self, record: ScheduleRecord) -> datetime | None:
        """When the schedule runs next (None: no run left before ``end_at``)."""
        return self.scheduler.next_run_at(record.id)

    def _run_schedule(self, schedule_id: str) -> None:
        with self.lock:
            record = self.schedules.get(schedule_id)
            if record is None or not record.is_active or self.balance() <= 0:
                return
            task = self.create_task(dict(record.request), schedule_id=schedule_id)
            record.runs.append(task.id)

    # -- profiles ------------------------------------------------------------------------

    def get_profile(self, profile_id: str) -> dict[str, Any]:
        """A browser profile by id, or 404."""
        with self.lock:
            profile = self.profiles.get(profile_id)
            if profile is None:
                raise ApiError(404, "Browser profile not found")
            return profile


def _interrupt(asked: tuple[str, int] | None, steps: int) -> tuple[str, int] | None:
    """When someone else stops or pauses the run: after step N, and before its last step
    (so the run cannot end first)."""
    if asked is None:
        return None
    action, after = asked
    return action, max(0, min(after, steps - 1))


def _schedule_fields(record: ScheduleRecord) -> dict[str, Any]:
    return {
        "schedule_type": record.schedule_type,
        "interval_minutes": record.interval_minutes,
        "cron_expression": record.cron_expression,
        "start_at": record.start_at,
        "end_at": record.end_at,
        "is_active": record.is_active,
    }


def _file_bytes(task: TaskRecord, name: str, kind: str) -> bytes:
    seed = uuid.UUID(task.id).int % 2**31
    if kind == "png":
        return _media.png(seed=seed)
    if kind == "gif":
        return _media.gif(seed=seed)
    if kind == "mp4":
        return _media.mp4(seed=seed)
    urls = [step.url for _, step in task.steps]
    if kind == "csv":
        rows = [f"{s.number},{s.url},{s.next_goal.replace(',', ';')}" for _, s in task.steps]
        return ("step,url,goal\n" + "\n".join(rows) + "\n").encode()
    if kind == "json":
        return json.dumps({"task": task.task, "output": task.output, "urls": urls}).encode()
    return f"{name}\n\nTask: {task.task}\n\n{task.output or ''}\n".encode()
