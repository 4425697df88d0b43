from enum import StrEnum


class PartInSource(StrEnum):
    CUSTOMER = "customer"
    STOCK = "stock"

    def __str__(self) -> str:
        return str(self.value)
