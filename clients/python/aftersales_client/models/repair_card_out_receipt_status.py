from enum import StrEnum


class RepairCardOutReceiptStatus(StrEnum):
    ISSUED = "issued"
    VOIDED = "voided"

    def __str__(self) -> str:
        return str(self.value)
