from enum import StrEnum


class ReturnReceiveInCondition(StrEnum):
    AS_REPORTED = "as_reported"
    DAMAGED = "damaged"
    NOT_DEFECTIVE = "not_defective"
    WRONG_PART = "wrong_part"

    def __str__(self) -> str:
        return str(self.value)
