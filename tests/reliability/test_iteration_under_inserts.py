"""Property: `tasks.iter()` yields each pre-existing task exactly once, and no task twice,
while tasks are created at the head of the newest-first list between page fetches.

Unlike tests/wrapper/test_page_walk.py (PageWalk fed directly, one rank per item), this
drives the real client iterator over a model server (an httpx MockTransport, no network)
whose `created_at` has whole-second resolution, so bursts of tasks share a timestamp, and
whose `total_pages` may be computed before the inserts of the same moment land.
"""

from __future__ import annotations

import datetime as dt
import math

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from browser_use_cloud import BrowserUse

EPOCH = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


class ModelServer:
    """A newest-first task list; `tick()` after each page inserts a burst at the head."""

    def __init__(self, initial: list[int], bursts: list[tuple[int, int]], stale_totals: bool):
        self.items: list[tuple[str, int]] = []  # newest first: (id, created second)
        clock = 0
        for gap in initial:
            clock += gap
            self.items.insert(0, (f"old-{len(self.items)}", clock))
        self.clock = clock
        self.bursts = iter(bursts)
        self.stale_totals = stale_totals
        self.created = 0
        self.fetches = 0

    def tick(self) -> None:
        gap, count = next(self.bursts, (0, 0))
        self.clock += gap
        for _ in range(count):
            self.items.insert(0, (f"new-{self.created}", self.clock))
            self.created += 1

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.fetches += 1
        assert self.fetches < 500, "the iterator does not stop"
        page = int(request.url.params["page"])
        limit = int(request.url.params["limit"])
        total = len(self.items)
        if self.stale_totals:
            self.tick()  # the count was taken just before this moment's inserts
        start = (page - 1) * limit
        rows = [
            {
                "id": ident,
                "task": "t",
                "status": "finished",
                "output": None,
                "created_at": (EPOCH + dt.timedelta(seconds=second)).isoformat(),
                "finished_at": None,
                "live_url": None,
                "metadata": {},
            }
            for ident, second in self.items[start : start + limit]
        ]
        if not self.stale_totals:
            self.tick()
        body = {
            "tasks": rows,
            "page": page,
            "limit": limit,
            "total_pages": math.ceil(total / limit),
            "total_count": total,
        }
        return httpx.Response(200, json=body)


@settings(max_examples=200, deadline=None)
@given(
    initial=st.lists(st.integers(0, 2), max_size=45),  # gaps in seconds: 0 means a tie
    bursts=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 30)), max_size=12),
    page_size=st.integers(1, 12),
    stale_totals=st.booleans(),
)
def test_each_existing_task_once_and_none_twice(
    initial: list[int], bursts: list[tuple[int, int]], page_size: int, stale_totals: bool
) -> None:
    server = ModelServer(initial, bursts, stale_totals)
    before = {ident for ident, _ in server.items}
    # No request budget: the walk is judged, not its pace (the budget would sleep most of it).
    with BrowserUse(
        api_key="bu_model", transport=httpx.MockTransport(server), max_requests_per_second=None
    ) as client:
        yielded = [task.id for task in client.tasks.iter(page_size=page_size)]
    assert len(yielded) == len(set(yielded)), "a task was yielded twice"
    assert before <= set(yielded), f"missed: {sorted(before - set(yielded))}"
    assert set(yielded) <= {ident for ident, _ in server.items}
