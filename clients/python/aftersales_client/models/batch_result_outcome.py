from enum import StrEnum


class BatchResultOutcome(StrEnum):
    ALREADY_APPLIED = "already_applied"
    APPLIED = "applied"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
