from enum import StrEnum


class ListReviewsStatusType0(StrEnum):
    ADJUSTED = "adjusted"
    CLEARED = "cleared"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
