from enum import StrEnum


class ReconcileInMethod(StrEnum):
    CARD = "card"
    TRANSFER = "transfer"
    WALLET = "wallet"

    def __str__(self) -> str:
        return str(self.value)
