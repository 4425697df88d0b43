from enum import StrEnum


class RefundOutApproval(StrEnum):
    APPROVED = "approved"
    AWAITING_APPROVAL = "awaiting_approval"
    NOT_NEEDED = "not_needed"

    def __str__(self) -> str:
        return str(self.value)
