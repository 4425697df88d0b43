from enum import StrEnum


class GuidanceOutResult(StrEnum):
    CANCELLED = "cancelled"
    IN_TIME = "in_time"
    LATE = "late"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
