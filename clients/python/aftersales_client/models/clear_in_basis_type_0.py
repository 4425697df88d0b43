from enum import StrEnum


class ClearInBasisType0(StrEnum):
    RECEIVED = "received"
    REPORTED = "reported"

    def __str__(self) -> str:
        return str(self.value)
