"""What the soak did and saw, and the rules that judge it (pure: no I/O).

Workers record each operation's outcome here; at the end `Ledger.judge()` compares the
records with the server's truth (tasks per request id, stored steps, stored uploads).

"Handled" means the SDK returned a correct result, or raised a documented typed error
that is right for the situation:

- `create`, `run` and `stream` tag each task with a request id, so they must never leave
  a task behind when they raise (the server must hold no task for that id) and must
  never create two. A typed error after the retry budget is spent is acceptable only
  together with "no task exists"; so is `TaskCreationUnconfirmedError` (a failure that
  cannot tell, not re-sent): the soak still counts a task behind it as left behind, as the
  client's second look after `CREATE_SETTLE` must find every task the emulator creates.
- A scheduled-task create has no reconciliation (a documented `safe_post`): a connection
  error or 5xx there is the documented "ambiguous, raised to the caller" outcome.
- Any other operation may give up with a connection/timeout/5xx/429 error only after its
  retries are spent ("gave up"); a 404, 409, 422, a response-shape error, a concurrency
  limit, an `InputError` or any non-SDK exception is never right here.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from browser_use_cloud import (
    APIConnectionError,
    BrowserUseError,
    ConcurrencyLimitError,
    InternalServerError,
    RateLimitError,
    TaskCreationUnconfirmedError,
)

RECONCILED = frozenset({"create", "run", "stream"})
"""Operations that create a task with a client request id."""
AMBIGUOUS_POSTS = frozenset({"schedule_create"})
"""Operations whose POST the SDK documents as raised, not reconciled, when ambiguous."""
_GIVE_UP = (APIConnectionError, InternalServerError, RateLimitError)


def classify(op: str, exc: BaseException) -> str | None:
    """The outcome name for an operation that raised `exc`, or None if it is unhandled."""
    if not isinstance(exc, BrowserUseError) or isinstance(exc, ConcurrencyLimitError):
        return None
    if isinstance(exc, TaskCreationUnconfirmedError) and op in RECONCILED:
        return "creation unconfirmed, not re-sent (documented)"
    if not isinstance(exc, _GIVE_UP):
        return None
    if op in RECONCILED:
        return "raised, nothing created (verified)"
    if op in AMBIGUOUS_POSTS:
        return "ambiguous POST raised (documented)"
    return "gave up after retries"


def describe(op: str, exc: BaseException) -> str:
    """One line naming an unhandled error (type and message, never a traceback)."""
    return f"{op}: {type(exc).__module__}.{type(exc).__name__}: {exc}"[:400]


@dataclass
class IterationCheck:
    """One full `tasks.iter()` walk: what existed before it started and what it yielded."""

    before: frozenset[str]
    yielded: tuple[str, ...]

    @property
    def repeated(self) -> int:
        return len(self.yielded) - len(set(self.yielded))

    @property
    def missed(self) -> int:
        return len(self.before - set(self.yielded))


@dataclass
class Verdict:
    """The soak's figures; `failures` names every target that was missed."""

    duplicates: int = 0
    orphans: int = 0
    steps_lost: int = 0
    steps_repeated: int = 0
    steps_out_of_order: int = 0
    items_missed: int = 0
    items_repeated: int = 0
    items_unknown: int = 0
    uploads_checked: int = 0
    uploads_corrupted: int = 0
    streams_checked: int = 0
    walks_checked: int = 0
    failures: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


@dataclass
class Ledger:
    """Thread-safe record of the soak's operations (workers run in threads and a loop)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    ops: Counter[str] = field(default_factory=Counter)
    by_client: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    unhandled: list[str] = field(default_factory=list)
    created: dict[str, str | None] = field(default_factory=dict)
    """Request id -> task id the SDK returned, or None when it raised."""
    creator: dict[str, str] = field(default_factory=dict)
    """Request id -> "op/client" that used it (named in duplicate reports)."""
    waiting: deque[str] = field(default_factory=deque)
    """Tasks created by `create` and not waited for yet."""
    known: list[str] = field(default_factory=list)
    streams: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    walks: list[IterationCheck] = field(default_factory=list)
    uploads: dict[str, str] = field(default_factory=dict)
    schedules: deque[str] = field(default_factory=deque)

    def done(self, op: str, client: str, outcome: str = "ok") -> None:
        with self.lock:
            self.ops[op] += 1
            self.by_client[client] += 1
            self.outcomes[outcome] += 1

    def failed(self, op: str, client: str, exc: BaseException) -> None:
        """Record an operation that raised: handled (typed and right) or not."""
        outcome = classify(op, exc)
        with self.lock:
            self.ops[op] += 1
            self.by_client[client] += 1
            if outcome is None:
                self.unhandled.append(f"[{client}] " + describe(op, exc))
                self.outcomes["unhandled"] += 1
            else:
                self.outcomes[outcome] += 1

    def problem(self, text: str) -> None:
        """An operation returned, but with a wrong result."""
        with self.lock:
            self.unhandled.append(text)
            self.outcomes["unhandled"] += 1

    def task_created(self, request_id: str, task_id: str | None, by: str) -> None:
        with self.lock:
            self.created[request_id] = task_id
            self.creator[request_id] = by
            if task_id is not None:
                self.known.append(task_id)

    def judge(
        self,
        by_request_id: Mapping[str, Sequence[str]],
        server_steps: Mapping[str, Sequence[tuple[str, int]]],
        all_task_ids: Iterable[str],
        upload_hashes: Mapping[str, str | None],
    ) -> Verdict:
        """Compare the records with the server's truth."""
        verdict = Verdict()
        for rid, returned in self.created.items():
            found = list(by_request_id.get(rid, ()))
            if len(found) > 1:
                verdict.duplicates += len(found) - 1
                verdict.details.append(
                    f"request id {rid} ({self.creator.get(rid)}): {len(found)} tasks {found}"
                )
            if (returned is None and found) or (returned is not None and returned not in found):
                verdict.orphans += 1
                verdict.details.append(
                    f"request id {rid} ({self.creator.get(rid)}): returned {returned}, "
                    f"server has {found}"
                )
        for task_id, streamed in self.streams.items():
            truth = list(server_steps.get(task_id, ()))
            verdict.streams_checked += 1
            verdict.steps_repeated += len(streamed) - len(set(streamed))
            verdict.steps_lost += len(set(truth) - set(streamed))
            if streamed != truth and len(streamed) == len(set(streamed)):
                verdict.steps_out_of_order += int(sorted(streamed, key=_number) != streamed)
        existing = set(all_task_ids)
        for walk in self.walks:
            verdict.walks_checked += 1
            verdict.items_missed += walk.missed
            verdict.items_repeated += walk.repeated
            verdict.items_unknown += len(set(walk.yielded) - existing)
        for name, digest in self.uploads.items():
            verdict.uploads_checked += 1
            if upload_hashes.get(name) != digest:
                verdict.uploads_corrupted += 1
        targets = {
            "unhandled errors": len(self.unhandled),
            "duplicate tasks created by run/create": verdict.duplicates,
            "tasks left behind by a raising create/run": verdict.orphans,
            "steps lost in streams": verdict.steps_lost,
            "steps repeated in streams": verdict.steps_repeated,
            "steps out of order in streams": verdict.steps_out_of_order,
            "iterator items missed": verdict.items_missed,
            "iterator items repeated": verdict.items_repeated,
            "iterator items that never existed": verdict.items_unknown,
            "uploads corrupted": verdict.uploads_corrupted,
        }
        verdict.failures = [
            f"{name}: {count} (target 0)" for name, count in targets.items() if count
        ]
        return verdict


def _number(item: tuple[str, int]) -> int:
    return item[1]
