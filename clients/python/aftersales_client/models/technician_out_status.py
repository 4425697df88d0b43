from enum import StrEnum


class TechnicianOutStatus(StrEnum):
    ACTIVE = "active"
    DISMISSED = "dismissed"
    INACTIVE = "inactive"

    def __str__(self) -> str:
        return str(self.value)
