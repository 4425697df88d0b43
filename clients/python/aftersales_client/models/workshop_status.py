from enum import StrEnum


class WorkshopStatus(StrEnum):
    ALL = "all"
    IN = "in"
    OUT = "out"

    def __str__(self) -> str:
        return str(self.value)
