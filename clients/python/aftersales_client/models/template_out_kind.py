from enum import StrEnum


class TemplateOutKind(StrEnum):
    BOOKED = "booked"
    COMPLAINT_RECEIVED = "complaint_received"
    DONE = "done"
    EN_ROUTE = "en_route"
    PARTS_LATE = "parts_late"
    PARTS_SHIPPED = "parts_shipped"
    RESCHEDULED = "rescheduled"
    SAMPLE_RESULT = "sample_result"

    def __str__(self) -> str:
        return str(self.value)
