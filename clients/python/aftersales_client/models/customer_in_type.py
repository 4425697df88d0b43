from enum import StrEnum


class CustomerInType(StrEnum):
    CONSUMER = "consumer"
    DEALER = "dealer"
    DIRECT = "direct"

    def __str__(self) -> str:
        return str(self.value)
