from enum import StrEnum


class IntakeNextClockOutClock(StrEnum):
    ANSWER = "answer"
    ARRIVAL = "arrival"
    COMPLETION = "completion"

    def __str__(self) -> str:
        return str(self.value)
