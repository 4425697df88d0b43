from enum import StrEnum


class ListTicketsSort(StrEnum):
    NEXT_DUE = "next_due"
    UPDATED_AT = "updated_at"

    def __str__(self) -> str:
        return str(self.value)
