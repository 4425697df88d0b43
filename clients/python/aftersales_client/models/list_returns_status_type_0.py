from enum import StrEnum


class ListReturnsStatusType0(StrEnum):
    DUE = "due"
    RECEIVED = "received"
    SHIPPED = "shipped"

    def __str__(self) -> str:
        return str(self.value)
