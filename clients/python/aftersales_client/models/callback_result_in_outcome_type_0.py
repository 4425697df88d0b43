from enum import StrEnum


class CallbackResultInOutcomeType0(StrEnum):
    BAD_ATTITUDE = "bad_attitude"
    COMPLAINT = "complaint"
    NOT_FIXED_FIRST_VISIT = "not_fixed_first_visit"
    NOT_FIXED_REPEAT = "not_fixed_repeat"
    SATISFIED = "satisfied"
    UNSATISFIED = "unsatisfied"

    def __str__(self) -> str:
        return str(self.value)
