from enum import StrEnum


class ReviewOutSubject(StrEnum):
    CASH = "cash"
    CHARGE = "charge"
    PAYMENT = "payment"

    def __str__(self) -> str:
        return str(self.value)
