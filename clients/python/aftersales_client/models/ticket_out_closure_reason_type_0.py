from enum import StrEnum


class TicketOutClosureReasonType0(StrEnum):
    CANCELLED = "cancelled"
    DELIVERED = "delivered"
    REFUNDED = "refunded"
    REPLACED = "replaced"
    RESOLVED_REMOTELY = "resolved_remotely"
    SATISFIED = "satisfied"
    UNREACHABLE = "unreachable"

    def __str__(self) -> str:
        return str(self.value)
