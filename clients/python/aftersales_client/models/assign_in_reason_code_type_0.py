from enum import StrEnum


class AssignInReasonCodeType0(StrEnum):
    CUSTOMER_REQUEST = "customer_request"
    OTHER = "other"
    PARTS_DELAYED = "parts_delayed"
    TECHNICIAN_UNAVAILABLE = "technician_unavailable"
    WEATHER = "weather"

    def __str__(self) -> str:
        return str(self.value)
