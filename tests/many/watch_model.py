"""A model service for the pure watch plan: tasks newest first, rounds run against it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from browser_use_cloud._exceptions import APIError
from browser_use_cloud._models import Page, TaskStatus, TaskSummary
from browser_use_cloud._policies.budget import BudgetShare, RequestBudget
from browser_use_cloud._policies.watch_plan import Watched, WatchPlan, watch_shares

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def client_plan(rate: float | None, load: Callable[[float], float] | None = None) -> WatchPlan:
    """The watch plan of a client sending at most `rate` requests/s, with its shares of the
    request budget; `load`: how busy that budget says it is (default: as it is, idle)."""
    shares = watch_shares(RequestBudget(rate))
    if load is not None:
        shares = shares._replace(eager=BudgetShare(shares.eager.rate, load))
    return WatchPlan(shares)


class Service:
    """Tasks in creation order; `status[id]`; counts the requests a round makes."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.status: dict[str, str] = {}
        self.pages: list[int] = []
        self.solos: list[str] = []
        self.fail_status: dict[str, APIError] = {}

    def create(self, count: int, prefix: str = "t") -> list[str]:
        ids = [f"{prefix}{len(self.order) + i}" for i in range(count)]
        self.order.extend(ids)
        self.status.update(dict.fromkeys(ids, "running"))
        return ids

    def page(self, number: int, limit: int) -> Page[TaskSummary]:
        self.pages.append(number if limit > 1 else 0)  # 0: a count probe
        newest = self.order[::-1]
        chunk = newest[(number - 1) * limit : number * limit]
        items = tuple(
            TaskSummary(
                id=task_id,
                task="x",
                status=TaskStatus(self.status[task_id]),
                output="out" if self.status[task_id] == "finished" else None,
                created_at=EPOCH,
                finished_at=None,
                live_url=None,
                metadata=None,
            )
            for task_id in chunk
        )
        total = len(newest)
        return Page(
            items=items, page=number, limit=limit, total_pages=-(-total // limit), total_count=total
        )

    def run_round(
        self, plan: WatchPlan, now: float, lane_of: Callable[[Watched], object] | None = None
    ) -> list[str]:
        """One round as the driver runs it (`lane_of`: the driver's lanes, default one);
        returns the ids it resolved."""
        round_ = plan.start_round(now) if lane_of is None else plan.start_round(now, lane_of)
        for lane in round_.lanes:
            while (wanted := lane.next_page()) is not None:
                number, limit = wanted
                lane.feed_page(number, limit, self.page(number, limit))
            for entry in lane.solo():
                self.solos.append(entry.task_id)
                error = self.fail_status.get(entry.task_id)
                if error is not None:
                    round_.failed(entry, error)
                else:
                    round_.seen(entry, TaskStatus(self.status[entry.task_id]))
        return [e.task_id for e in round_.finish()]

    def requests(self) -> int:
        return len(self.pages) + len(self.solos)

    def reset_counts(self) -> None:
        self.pages.clear()
        self.solos.clear()
