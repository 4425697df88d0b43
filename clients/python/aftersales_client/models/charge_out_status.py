from enum import StrEnum


class ChargeOutStatus(StrEnum):
    CREDIT_DUE = "credit_due"
    NOTHING_DUE = "nothing_due"
    OPEN = "open"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
