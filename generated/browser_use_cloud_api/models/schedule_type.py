from ..types import OpenStrEnum


class ScheduleType(OpenStrEnum):
    """How a scheduled task's runs are timed: a fixed interval or a cron expression."""

    INTERVAL = "interval"
    CRON = "cron"
