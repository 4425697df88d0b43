from enum import StrEnum


class CashPaymentOutStatus(StrEnum):
    AT_OFFICE = "at_office"
    HANDED_OVER = "handed_over"
    HELD = "held"
    NETTED = "netted"
    REMITTED = "remitted"

    def __str__(self) -> str:
        return str(self.value)
