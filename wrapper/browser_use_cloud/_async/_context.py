"""What one client hands each of its resources: the context they all work in.

The client makes one `AsyncContext` and passes it down to `client.tasks`, `client.files`,
... and through them to map runs and task handles. Nothing in it is read back up: a
resource never reaches into the client or into another resource for what it needs, and
the parts that pace themselves get their share of the request budget from the budget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .._concurrency.signals import AsyncGuard
from .._policies.budget import RequestBudget
from .._policies.watch_plan import watch_shares
from .._transport.hooks import Hooks
from ._http import AsyncHTTP

if TYPE_CHECKING:
    from ._slots import AsyncSlots
    from ._watcher import AsyncTaskReads, AsyncWatcher

CREATIONS_SHARE = 1.0
"""Share of the request budget that sizes the run-task requests in flight at once (a
second's worth of it: `BudgetShare.at_once`)."""


class AsyncContext:
    """The HTTP driver, request budget, status watcher and task line of one client.

    `with_options()` copies get a context of their own (their driver carries their
    defaults) over the same budget, as they share the connection pool.
    """

    def __init__(
        self,
        http: AsyncHTTP,
        budget: RequestBudget,
        *,
        wait_for_slot: bool,
        task_reads: Callable[[], AsyncTaskReads],
    ) -> None:
        self.http = http
        """Sends every API request of this client (see `_http.py`)."""
        self.budget = budget
        """The client's request budget; the watcher and the line get shares of it."""
        self.wait_for_slot = wait_for_slot
        """The client's default for `create()` / `run()`'s `wait_for_slot`."""
        self._task_reads = task_reads  # the watcher's reads: `client.tasks`, on first use
        self._watcher: AsyncWatcher | None = None
        self._slots: AsyncSlots | None = None
        self._guard = AsyncGuard()

    @property
    def hooks(self) -> Hooks:
        """The client's hooks (told of every request, response, retry and task status)."""
        return self.http.hooks

    @property
    def watcher(self) -> AsyncWatcher:
        """The one status watcher behind every wait of this client (made once, even when
        several threads ask for it first at the same time)."""
        if self._watcher is None:
            from ._watcher import AsyncWatcher

            with self._guard:
                if self._watcher is None:
                    self._watcher = AsyncWatcher(
                        self._task_reads(), self.hooks, watch_shares(self.budget)
                    )
        return self._watcher

    @property
    def slots(self) -> AsyncSlots:
        """The line behind the account's concurrent-task limit (maps, `wait_for_slot`)."""
        if self._slots is None:
            from ._slots import AsyncSlots

            with self._guard:
                if self._slots is None:
                    self._slots = AsyncSlots(self.budget.share(CREATIONS_SHARE))
        return self._slots
