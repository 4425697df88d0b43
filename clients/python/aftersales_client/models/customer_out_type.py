from enum import StrEnum


class CustomerOutType(StrEnum):
    CONSUMER = "consumer"
    DEALER = "dealer"
    DIRECT = "direct"

    def __str__(self) -> str:
        return str(self.value)
