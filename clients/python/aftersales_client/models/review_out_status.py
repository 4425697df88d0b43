from enum import StrEnum


class ReviewOutStatus(StrEnum):
    ADJUSTED = "adjusted"
    CLEARED = "cleared"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
