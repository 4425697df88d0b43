from enum import StrEnum


class RefundOutStatus(StrEnum):
    AWAITING_APPROVAL = "awaiting_approval"
    PAID = "paid"
    UNPAID = "unpaid"

    def __str__(self) -> str:
        return str(self.value)
