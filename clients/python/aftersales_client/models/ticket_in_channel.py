from enum import StrEnum


class TicketInChannel(StrEnum):
    APP = "app"
    CRM = "crm"
    HOTLINE = "hotline"
    LETTER = "letter"
    PARTNER = "partner"
    WALK_IN = "walk_in"

    def __str__(self) -> str:
        return str(self.value)
