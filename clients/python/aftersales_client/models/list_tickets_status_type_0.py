from enum import StrEnum


class ListTicketsStatusType0(StrEnum):
    CANCELLED = "cancelled"
    CLOSED = "closed"
    COMPLETED = "completed"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    OPEN = "open"
    REOPENED = "reopened"
    RESOLVED_REMOTELY = "resolved_remotely"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
