from enum import StrEnum


class ComplaintOutStatus(StrEnum):
    OPEN = "open"
    REPLIED = "replied"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
