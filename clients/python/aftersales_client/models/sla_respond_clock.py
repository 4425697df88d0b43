from enum import StrEnum


class SlaRespondClock(StrEnum):
    BILLING = "billing"
    DISPATCH = "dispatch"
    FEEDBACK = "feedback"
    INTAKE = "intake"

    def __str__(self) -> str:
        return str(self.value)
