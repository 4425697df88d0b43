from enum import StrEnum


class PaymentInMethod(StrEnum):
    CARD = "card"
    CASH = "cash"
    TRANSFER = "transfer"
    WALLET = "wallet"

    def __str__(self) -> str:
        return str(self.value)
