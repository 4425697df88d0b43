from enum import StrEnum


class ListReviewsRuleType0(StrEnum):
    CASH_UNREMITTED = "cash_unremitted"
    CUSTOMER_JOBS = "customer_jobs"
    IMPLAUSIBLE_LABOUR = "implausible_labour"
    IMPLAUSIBLE_TRAVEL = "implausible_travel"
    LABOUR_ABOVE_NORM = "labour_above_norm"
    LATE_REPORT = "late_report"
    NO_VISIT = "no_visit"
    PARTS_ABOVE_NORM = "parts_above_norm"
    PART_NOT_ON_MODEL = "part_not_on_model"
    PAYMENT_UNRECONCILED = "payment_unreconciled"
    REPEAT_VISIT = "repeat_visit"

    def __str__(self) -> str:
        return str(self.value)
