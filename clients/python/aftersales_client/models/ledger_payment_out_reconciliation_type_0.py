from enum import StrEnum


class LedgerPaymentOutReconciliationType0(StrEnum):
    NOT_NEEDED = "not_needed"
    RECONCILED = "reconciled"
    UNRECONCILED = "unreconciled"

    def __str__(self) -> str:
        return str(self.value)
