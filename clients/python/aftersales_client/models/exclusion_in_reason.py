from enum import StrEnum


class ExclusionInReason(StrEnum):
    CONSUMABLE = "consumable"
    MISUSE = "misuse"
    NOT_COVERED = "not_covered"

    def __str__(self) -> str:
        return str(self.value)
