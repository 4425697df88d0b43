from enum import StrEnum


class ListRequisitionsStatusType0(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    RECEIVED = "received"
    REJECTED = "rejected"
    REQUESTED = "requested"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
