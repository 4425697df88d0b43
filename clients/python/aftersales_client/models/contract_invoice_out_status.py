from enum import StrEnum


class ContractInvoiceOutStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
