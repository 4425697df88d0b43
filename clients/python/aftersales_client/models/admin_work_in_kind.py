from enum import StrEnum


class AdminWorkInKind(StrEnum):
    INSPECTION = "inspection"
    OTHER = "other"
    PARTS_MANAGEMENT = "parts_management"
    TOOL_UPKEEP = "tool_upkeep"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
