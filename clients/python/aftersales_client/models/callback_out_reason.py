from enum import StrEnum


class CallbackOutReason(StrEnum):
    COMPLAINT_RESOLVED = "complaint_resolved"
    JOB = "job"
    REFUNDED = "refunded"
    REPLACED = "replaced"
    RESOLVED_REMOTELY = "resolved_remotely"

    def __str__(self) -> str:
        return str(self.value)
