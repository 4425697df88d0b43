from enum import StrEnum


class CapacityOverrideOutMadeBy(StrEnum):
    OPERATOR = "operator"
    POINT = "point"

    def __str__(self) -> str:
        return str(self.value)
