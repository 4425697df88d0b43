from enum import StrEnum


class ReleaseInBasisType0(StrEnum):
    RECEIVED = "received"
    REPORTED = "reported"

    def __str__(self) -> str:
        return str(self.value)
