from enum import StrEnum


class ScheduleType(StrEnum):
    CRON = "cron"
    INTERVAL = "interval"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ScheduleType | None":
        # A value the spec does not list yet (the service added it): keep it instead of failing.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_").replace(".", "_")
        member._value_ = value
        return member
