from enum import StrEnum


class WorkshopQueueStatus(StrEnum):
    ALL = "all"
    IN = "in"
    OUT = "out"

    def __str__(self) -> str:
        return str(self.value)
