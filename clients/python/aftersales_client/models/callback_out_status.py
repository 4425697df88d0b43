from enum import StrEnum


class CallbackOutStatus(StrEnum):
    DONE = "done"
    DUE = "due"
    UNREACHABLE = "unreachable"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
