from enum import StrEnum


class DelayCauseInCause(StrEnum):
    CUSTOMER = "customer"
    FORCE_MAJEURE = "force_majeure"

    def __str__(self) -> str:
        return str(self.value)
