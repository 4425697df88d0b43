from enum import StrEnum


class RenewalInScheduleType0(StrEnum):
    MONTHLY = "monthly"
    ONCE = "once"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
