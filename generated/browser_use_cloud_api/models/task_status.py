from ..types import OpenStrEnum


class TaskStatus(OpenStrEnum):
    """Lifecycle of a task: created (queued), running, paused (waiting to be resumed), then one of
    finished (succeeded), stopped (ended by the user) or failed (ended by an error).
    """

    CREATED = "created"
    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    PAUSED = "paused"
    FAILED = "failed"

    @property
    def is_terminal(self) -> bool:
        """True once the task has ended (finished, stopped or failed); paused is not."""
        return self.value in _TERMINAL


_TERMINAL = frozenset({"finished", "stopped", "failed"})
