from enum import StrEnum


class DispatchNextClockOutClock(StrEnum):
    ACCEPT = "accept"
    ARRIVAL = "arrival"
    COMPLETION = "completion"
    RESPOND = "respond"

    def __str__(self) -> str:
        return str(self.value)
