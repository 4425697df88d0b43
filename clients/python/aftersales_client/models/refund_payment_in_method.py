from enum import StrEnum


class RefundPaymentInMethod(StrEnum):
    CARD = "card"
    CASH = "cash"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
