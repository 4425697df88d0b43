from enum import StrEnum


class PauseInReason(StrEnum):
    AWAITING_CUSTOMER = "awaiting_customer"
    AWAITING_PARTS = "awaiting_parts"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
