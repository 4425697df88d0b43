from enum import StrEnum


class CallbackDetailVisitConfirmed(StrEnum):
    NO = "no"
    NOT_ASKED = "not_asked"
    YES = "yes"

    def __str__(self) -> str:
        return str(self.value)
