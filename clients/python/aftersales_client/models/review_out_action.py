from enum import StrEnum


class ReviewOutAction(StrEnum):
    HOLD = "hold"
    MARK = "mark"

    def __str__(self) -> str:
        return str(self.value)
