from enum import StrEnum


class TaskStatusEnum(StrEnum):
    CREATED = "created"
    FAILED = "failed"
    FINISHED = "finished"
    PAUSED = "paused"
    RUNNING = "running"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TaskStatusEnum | None":
        # A value the spec does not list yet (the service added it): keep it instead of failing.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_").replace(".", "_")
        member._value_ = value
        return member
