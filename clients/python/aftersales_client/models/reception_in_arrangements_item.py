from enum import StrEnum


class ReceptionInArrangementsItem(StrEnum):
    APPOINTMENTS = "appointments"
    LODGING = "lodging"
    RETURN_TICKET = "return_ticket"

    def __str__(self) -> str:
        return str(self.value)
