from enum import StrEnum


class CashPaymentOutStatus(StrEnum):
    HANDED_OVER = "handed_over"
    HELD = "held"
    NETTED = "netted"

    def __str__(self) -> str:
        return str(self.value)
