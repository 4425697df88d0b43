from enum import StrEnum


class ContractInSchedule(StrEnum):
    MONTHLY = "monthly"
    ONCE = "once"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
