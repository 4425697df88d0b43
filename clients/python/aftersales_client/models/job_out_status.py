from enum import StrEnum


class JobOutStatus(StrEnum):
    ACCEPTED = "accepted"
    AWAITING_PARTS = "awaiting_parts"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    EN_ROUTE = "en_route"
    INSPECTED = "inspected"
    IN_WORKSHOP = "in_workshop"
    OFFERED = "offered"
    ON_SITE = "on_site"
    REPAIRED = "repaired"
    SCHEDULED = "scheduled"
    UNROUTED = "unrouted"

    def __str__(self) -> str:
        return str(self.value)
