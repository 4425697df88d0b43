from enum import StrEnum


class CarePlanOutPurpose(StrEnum):
    CARE = "care"
    USAGE_TRACKING = "usage_tracking"

    def __str__(self) -> str:
        return str(self.value)
