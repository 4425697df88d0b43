from enum import StrEnum


class WarrantyRemedyInRemedy(StrEnum):
    REFUND = "refund"
    REPAIR = "repair"
    REPLACE = "replace"

    def __str__(self) -> str:
        return str(self.value)
