from enum import StrEnum


class CarePlanInLevel(StrEnum):
    ORDINARY = "ordinary"
    SENIOR = "senior"

    def __str__(self) -> str:
        return str(self.value)
