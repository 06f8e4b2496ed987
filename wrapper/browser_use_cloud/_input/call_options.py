"""The keyword arguments of the methods that take API fields and request extras together."""

from __future__ import annotations

from .._spec.options import ScheduledTaskChanges, ScheduledTaskOptions, TaskOptions
from .._transport.request_extras import RequestExtras


class TaskOptionsWithExtras(TaskOptions, RequestExtras, total=False):
    """`TaskOptions` (the task's API fields) and `RequestExtras` (sent as given)."""


class ScheduledTaskOptionsWithExtras(ScheduledTaskOptions, RequestExtras, total=False):
    """`ScheduledTaskOptions` (the schedule's API fields) and `RequestExtras`."""


class ScheduledTaskChangesWithExtras(ScheduledTaskChanges, RequestExtras, total=False):
    """`ScheduledTaskChanges` (the fields to change) and `RequestExtras`."""
